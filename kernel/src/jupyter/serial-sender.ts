// Sends go to ZeroMQ at once rather than in a later microtask, so a cell that then blocks the
// thread (a long synchronous loop) has still sent what it printed before it. This is safe
// because the kernel's sockets (PUB and ROUTER) never block a send, so zeromq 6 never has a
// send pending and never answers EBUSY; should one still be busy, that send is retried after
// the ones before it.

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
    const before = this.tail;
    const sent = this.attempt(frames).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== "EBUSY") throw error;
      await before;
      await this.attempt(frames);
    });
    this.tail = sent.catch(this.reportFailure);
    return this.tail;
  }

  /** Resolves once everything sent so far has been handed to ZeroMQ. */
  drained(): Promise<void> {
    return this.tail;
  }

  private attempt(frames: Buffer[]): Promise<void> {
    try {
      return this.socket().send(frames);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
