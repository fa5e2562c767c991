/* eslint-disable max-len -- kernel table lines, verbatim */
// Real text of Linux's /proc/net/tcp and /proc/net/tcp6 (x86_64, little-endian), captured on
// this project's test machine with a Node server listening on `::` (dual stack) port 35553
// and one on 127.0.0.1 port 44893, each with connections from loopback:
//   127.0.0.1:50500 → [::]:35553 (the server's side is IPv4-mapped, in tcp6)
//   [::1]:34698 → [::]:35553
//   127.0.0.1:52908 → 127.0.0.1:44893
// plus one TIME_WAIT line (inode 0) of the same machine. Only the lines of those ports are kept.

export const CAPTURED = { dualPort: 35553, v4Port: 44893, fromV4ToDual: 50500, fromV6ToDual: 34698, fromV4ToV4: 52908 };

export const PROC_NET_TCP =
  [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ',
    '   1: 0100007F:AF5D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71942 1 00000000202cce52 100 0 0 10 0                     ',
    '   1: 0100007F:BD36 0100007F:87FB 06 00000000:00000000 03:0000075E 00000000     0        0 0 3 0000000091e28006                                      ',
    '   2: 0100007F:CEAC 0100007F:AF5D 01 00000000:00000000 00:00000000 00000000     0        0 71947 2 00000000b0a84f4b 20 0 0 10 -1                     ',
    '   3: 0100007F:AF5D 0100007F:CEAC 01 00000000:00000000 00:00000000 00000000     0        0 71948 1 00000000e4044950 20 0 0 10 -1                     ',
    '   4: 0100007F:C544 0100007F:8AE1 01 00000000:00000000 00:00000000 00000000     0        0 71943 2 0000000025a43695 20 0 0 10 -1                     ',
  ].join('\n') + '\n';

export const PROC_NET_TCP6 =
  [
    '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000000000000000000000000000:8AE1 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71941 1 00000000a9deea42 100 0 0 10 0',
    '   1: 0000000000000000FFFF00000100007F:8AE1 0000000000000000FFFF00000100007F:C544 01 00000000:00000000 00:00000000 00000000     0        0 71944 1 00000000faadd08d 20 0 0 10 -1',
    '   2: 00000000000000000000000001000000:878A 00000000000000000000000001000000:8AE1 01 00000000:00000000 00:00000000 00000000     0        0 71945 2 000000000e7ed858 20 0 0 10 -1',
    '   4: 00000000000000000000000001000000:8AE1 00000000000000000000000001000000:878A 01 00000000:00000000 00:00000000 00000000     0        0 71946 1 000000008162550d 20 0 0 10 -1',
  ].join('\n') + '\n';
