// The certificate maker, loaded only when certificates are made (tls.ts): the sandbox's bundle
// keeps it in a file of its own, dist/sandbox-certs.js, which only `--tls` loads (esbuild.js).
export { generate } from 'selfsigned';
