// Stands in for the notebook front end on the kernel's stdin channel: the kernel bridge that
// the tsgis kernel installs, answering each prompt with `answer(prompt)`.
import { setKernelBridge, type KernelBridge } from "../../kernel/src/jupyter/kernel-bridge";

export interface NotebookStdin {
  prompts: { prompt: string; password: boolean }[];
  uninstall(): void;
}

export function installNotebookStdin(answer: (prompt: string) => Promise<string>): NotebookStdin {
  const prompts: { prompt: string; password: boolean }[] = [];
  const unsupported = (): never => {
    throw new Error("only stdin is available in this test");
  };
  const bridge: KernelBridge = {
    publish: unsupported,
    openComm: unsupported,
    registerCommTarget: unsupported,
    canPromptForInput: () => true,
    promptForInput: async (prompt, options) => {
      prompts.push({ prompt, password: options?.password === true });
      return answer(prompt);
    },
  };
  setKernelBridge(bridge);
  return { prompts, uninstall: () => setKernelBridge(undefined) };
}
