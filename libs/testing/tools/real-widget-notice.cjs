// A Jest reporter that says, once per run, that real-widget.spec.ts did not run and how to run it.
// A reporter rather than a line in jest.config.cjs: Nx reads that config for every command.
class RealWidgetNotice {
  onRunStart() {
    process.stdout.write(
      'testing: real-widget.spec.ts not run: set TILEDESK_REAL_WIDGET_DIR to a build of the Tiledesk widget (its dist/) to run it\n',
    );
  }
}

module.exports = RealWidgetNotice;
