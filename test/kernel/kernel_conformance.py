"""The third-party suite jupyter_kernel_test against the tsgis kernel. Run with Debian's
/usr/bin/python3 -m unittest, with JUPYTER_PATH pointing at a kernelspec installed by
`tsgis-kernel install --prefix`. Tests left without samples are skipped by the suite itself;
docs/kernel.md lists them with the reason.
"""

import unittest

import jupyter_kernel_test

DISPLAY = "./kernel/dist/jupyter/display"  # the kernel runs in the repository root


class TsgisKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tsgis"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("to stderr")'

    completion_samples = [{"text": "Math.ab", "matches": {"abs"}}]

    complete_code_samples = ["1 + 1", "const x = 1;", "function f() {\n  return 1;\n}"]
    incomplete_code_samples = ["function f() {", "const y = [1,", "if (true) {"]

    code_generate_error = 'throw new Error("generated")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"tsgis"', "result": "'tsgis'"},
        {"code": "[1, 2, 3]", "result": "[ 1, 2, 3 ]"},
    ]

    code_display_data = [
        {"code": f'import {{ display, html }} from "{DISPLAY}";\ndisplay(html("<b>bold</b>"));', "mime": "text/html"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = f'import {{ clearOutput }} from "{DISPLAY}";\nclearOutput();'


if __name__ == "__main__":
    unittest.main(verbosity=2)
