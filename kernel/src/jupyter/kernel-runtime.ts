// The kernel's services, wired together once per process, and the bridge that hands them to
// library code in cells.
import { CellRunner } from "./cell-runner";
import { KernelChannels } from "./channels";
import { CommManager } from "./comm-manager";
import { History } from "./history";
import type { KernelBridge } from "./kernel-bridge";
import { toBuffer } from "./protocol";
import { StdinChannel } from "./stdin-channel";
import { WIDGET_CONTROL_COMM_TARGET, WidgetControl } from "./widget-control";

export class KernelRuntime {
  readonly channels: KernelChannels;
  readonly history = new History();
  readonly comms: CommManager;
  readonly stdin: StdinChannel;
  readonly cells: CellRunner;
  readonly widgets = new WidgetControl();

  constructor(signingKey: string) {
    this.channels = new KernelChannels(signingKey);
    this.comms = new CommManager(this.channels);
    this.stdin = new StdinChannel(this.channels);
    this.cells = new CellRunner(this.channels, this.history);
    this.comms.registerTarget(WIDGET_CONTROL_COMM_TARGET, (comm, message) =>
      this.widgets.serve(comm, message),
    );
  }

  /** Stops the running cell, including one waiting for typed input. */
  interrupt(): void {
    this.stdin.interruptPending();
    this.cells.interrupt();
  }

  bridge(): KernelBridge {
    return {
      publish: (msgType, content, options = {}) => {
        void this.channels.publish(msgType, content, {
          metadata: options.metadata,
          buffers: options.buffers?.map(toBuffer),
        });
      },
      openComm: (targetName, data, options) => this.comms.open(targetName, data, options),
      registerCommTarget: (targetName, handler) => this.comms.registerTarget(targetName, handler),
      trackWidget: (modelId, readState) => this.widgets.track(modelId, readState),
      canPromptForInput: () => this.stdin.canPrompt(),
      promptForInput: (prompt, options) => this.stdin.prompt(prompt, options),
    };
  }
}
