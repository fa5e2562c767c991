// Text that devices and networks may send: the inputs every reader in core must survive.
export const MEGABYTE = 'x'.repeat(1024 * 1024);

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '[click](command:workbench.action.terminal.new)',
  'command:iotConnectivity.showLog?%5B%5D',
  '\u202Eevil\u202C live',
  'a\u0000b\u0007c\u001bd\u009be\nf\rg\th',
  "quote' and ', ClientIP=1.2.3.4 inside",
  '\ud83d\ude00 emoji and lone \ud800 surrogate',
  'Closed connection from ' + 'a.'.repeat(50_000),
  "Token auth succeeded: ClientID='" + "', ClientIP=".repeat(20_000),
  MEGABYTE,
];
