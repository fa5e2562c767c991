// The Debian packages the offline install needs, checked up front so a missing one is named
// with the apt package that provides it instead of failing deep inside node-gyp.
const fs = require('fs');
const path = require('path');

const PATHS = (process.env.PATH || '').split(path.delimiter);

function onPath(command) {
  return PATHS.some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

const REQUIREMENTS = [
  {
    what: 'ripgrep (/usr/bin/rg), used by VS Code search',
    apt: 'ripgrep',
    present: () => fs.existsSync('/usr/bin/rg'),
  },
  {
    what: 'Kerberos headers (gssapi/gssapi.h) for the kerberos module',
    apt: 'libkrb5-dev',
    present: () => fs.existsSync('/usr/include/gssapi/gssapi.h'),
  },
  {
    what: 'a C++ compiler and make for node-gyp',
    apt: 'build-essential',
    present: () => onPath('g++') && onPath('make'),
  },
  { what: 'python3 for node-gyp', apt: 'python3', present: () => onPath('python3') },
  {
    what: 'Node.js headers in /usr/include/node for node-gyp',
    apt: 'nodejs (with headers) or libnode-dev',
    present: () => fs.existsSync('/usr/include/node/node.h'),
  },
];

/** The apt packages of the requirements that are not met (npm start installs them as root). */
function missingAptPackages() {
  return REQUIREMENTS.filter((r) => !r.present()).map((r) => r.apt);
}

/** Throws one error naming every missing apt package. */
function checkPrerequisites() {
  if (process.versions.node.split('.')[0] !== '20') {
    throw new Error(`code-server 4.100.3 needs Node 20; this is Node ${process.versions.node}.`);
  }
  const missing = REQUIREMENTS.filter((r) => !r.present());
  if (missing.length === 0) return;
  const lines = missing.map((r) => `  - ${r.what}: apt-get install -y ${r.apt}`);
  throw new Error(`missing Debian packages:\n${lines.join('\n')}`);
}

module.exports = { checkPrerequisites, missingAptPackages };
