// zeromq 6 sockets reject a send while another is still pending (EBUSY), and messages from
// timers and comm handlers can overlap, so every socket gets its own queue of sends.

export interface SendableSocket {
  send(frames: Buffer[]): Promise<void>;
}

export class SerialSender {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    /** Looked up at send time: tslab creates its sockets after the kernel's services. */
    private readonly socket: () => SendableSocket,
    private readonly reportFailure: (error: unknown) => void,
  ) {}

  send(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(() => this.socket().send(frames)).catch(this.reportFailure);
    return this.tail;
  }

  /** Resolves once everything queued so far has been handed to ZeroMQ. */
  drained(): Promise<void> {
    return this.tail;
  }
}
