// Asking the notebook user for a value (a password, say) through Jupyter's stdin channel, as
// Python's input() / getpass() do in a notebook.
import { getKernelBridge } from "./kernel-bridge";

/**
 * True only inside the tsgis kernel while running a cell whose front end accepts input
 * (allow_stdin). Code should fall back to an error telling the user what to pass instead.
 * Python: none (IPython's `input()` fails in the same case).
 * @example
 * const password = canPromptForInput() ? await promptForInput("Password", { password: true }) : undefined;
 */
export function canPromptForInput(): boolean {
  return getKernelBridge()?.canPromptForInput() ?? false;
}

/**
 * Resolves to what the user typed; `password: true` hides it as they type.
 * Python: `input(prompt)` / `getpass.getpass(prompt)`.
 * @example
 * const name = await promptForInput("Your name");
 */
export function promptForInput(
  prompt: string,
  options: { password?: boolean } = {},
): Promise<string> {
  const kernel = getKernelBridge();
  if (!kernel) {
    return Promise.reject(
      new Error("promptForInput works only in the tsgis kernel; check canPromptForInput() first"),
    );
  }
  return kernel.promptForInput(prompt, options);
}
