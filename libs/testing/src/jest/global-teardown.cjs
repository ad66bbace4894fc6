// Jest globalTeardown: stops the emulator process the global setup started (and only that one).
module.exports = async function stopTiledeskEmulatorProcess() {
  const child = globalThis.__TILEDESK_EMULATOR_PROCESS__;
  if (!child) return;
  globalThis.__TILEDESK_EMULATOR_PROCESS__ = undefined;
  delete process.env.TILEDESK_EMULATOR_URL;
  delete process.env.TILEDESK_EMULATOR_CONTROL_TOKEN;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
};
