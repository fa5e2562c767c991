// Runs the install's commands one named step at a time: output goes to a log file (npm and
// node-gyp are very chatty), the console gets one line per step with its duration, and a
// failure shows the end of the log.
const fs = require('fs');
const { spawn } = require('child_process');

const TAIL_LINES = 40;

function createStepRunner(logFile) {
  fs.writeFileSync(logFile, '');

  function run(command, args, cwd, env = {}) {
    fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    return new Promise((resolve, reject) => {
      const log = fs.openSync(logFile, 'a');
      const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
      child.on('error', (err) => {
        fs.closeSync(log);
        reject(err);
      });
      child.on('close', (code, signal) => {
        fs.closeSync(log);
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
      });
    });
  }

  async function named(title, action) {
    const started = Date.now();
    try {
      await action();
    } catch (err) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
      throw new Error(
        `step "${title}" failed: ${err instanceof Error ? err.message : err}\n--- last lines of ${logFile} ---\n${tail}`,
        { cause: err },
      );
    }
    console.log(`[vscode:install]   ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  return { run, named };
}

module.exports = { createStepRunner };
