"""Drives the real tsgis kernel through jupyter_client and checks that cells behave as in a
REPL: what a cell declared before it failed (exception, type error found at run time,
interrupt) stays defined; names can be declared again in later cells; `await` works wherever
an expression can go; type errors are warnings unless the kernel runs with strict types; every
message the kernel sends validates against the Jupyter message schemas; a notebook holding the
outputs, errors included, validates with nbformat.

Run with Debian's /usr/bin/python3 and JUPYTER_PATH pointing at a kernelspec installed by
`tsgis-kernel install --prefix`. Prints {"passed": [...], "failed": [{"check", "error"}]}.
"""

import json
import os
import re

import nbformat
from jupyter_kernel_test import msgspec_v5

from protocol_check import (
    TIMEOUT,
    CheckFailed,
    Session,
    expect,
    of_type,
    result_text,
    run_checks,
)

# The newest protocol version whose schemas jupyter_kernel_test knows. Validating as that
# version forbids fields the schemas do not list (as for an `error` message's execution_count).
SCHEMA_MINOR = msgspec_v5.protocol_version[1]


class RecordingSession(Session):
    """A session that keeps every message the kernel sent, for the schema check."""

    def __init__(self, env=None):
        if env is None:
            super().__init__()
        else:
            from jupyter_client.manager import start_new_kernel

            self.km, self.kc = start_new_kernel(kernel_name="tsgis", startup_timeout=TIMEOUT, cwd=os.getcwd(), env=env)
            self.pending = []
        self.received = []
        for name in ("get_iopub_msg", "get_shell_msg", "get_control_msg"):
            self._record(name)

    def _record(self, name):
        original = getattr(self.kc, name)

        def recorded(*args, **kwargs):
            msg = original(*args, **kwargs)
            self.received.append(msg)
            return msg

        setattr(self.kc, name, recorded)


def errors_of(outputs):
    return of_type(outputs, "error")


def stderr_text(outputs):
    return "".join(m["content"]["text"] for m in of_type(outputs, "stream") if m["content"]["name"] == "stderr")


def run_failing(s, code):
    reply, outputs, _ = s.execute(code)
    expect(reply["content"]["status"] == "error", f"expected {code!r} to fail, got {reply['content']}")
    return reply["content"], outputs


def value_of(s, expression):
    return result_text(s.execute_ok(expression))


def fails_with(s, code, ename):
    content, _ = run_failing(s, code)
    expect(content["ename"] == ename, f"{code!r}: expected {ename}, got {content['ename']}: {content['evalue']}")


# ---- checks -------------------------------------------------------------------------------


def check_declarations_kept_after_runtime_error(s):
    run_failing(
        s,
        'import { basename } from "path";\n'
        "const keptConst = 1;\n"
        "let keptLet = 2;\n"
        "function keptFunction() { return 3; }\n"
        "class KeptClass { value = 4; }\n"
        "interface KeptShape { size: number }\n"
        'throw new Error("boom");\n'
        "const notReached = 5;",
    )
    expect(value_of(s, "keptConst + keptLet + keptFunction() + new KeptClass().value") == "10", "declarations lost")
    expect(value_of(s, 'basename("/a/b.txt")') == "'b.txt'", "import lost")
    expect(value_of(s, "const shape: KeptShape = { size: 6 };\nshape.size") == "6", "interface lost")
    fails_with(s, "notReached", "ReferenceError")


def check_earlier_value_kept_when_redeclaration_not_reached(s):
    s.execute_ok("const counter = 1;")
    run_failing(s, 'throw new Error("first");\nconst counter = "two";')
    expect(value_of(s, "counter + 1") == "2", "a redeclaration that never ran replaced the old value or type")


def check_declarations_kept_after_type_error_in_later_statement(s):
    reply, outputs, _ = s.execute("const beforeTypeError = 7;\nconst oops: string = beforeTypeError;\noops.toUpperCase();")
    expect(reply["content"]["status"] == "error" and reply["content"]["ename"] == "TypeError", f"reply {reply['content']}")
    expect("2:7" in stderr_text(outputs), f"type error position missing: {stderr_text(outputs)!r}")
    expect(value_of(s, "beforeTypeError * 6") == "42", "declaration before the type error lost")


def check_declarations_kept_after_interrupt_request(s):
    msg_id = s.kc.execute('const beforeInterrupt = "kept";\nconsole.log("waiting");\nawait new Promise(() => {});\nconst afterInterrupt = 1;')
    s.next_iopub(lambda m: m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id, "stream")
    control_id = s.send_control("interrupt_request", {})
    while s.kc.get_control_msg(timeout=TIMEOUT)["parent_header"].get("msg_id") != control_id:
        pass
    content = s.shell_reply(msg_id)["content"]
    s.iopub_until_idle(msg_id)
    expect(content["ename"] == "KeyboardInterrupt", f"reply {content}")
    expect(value_of(s, "beforeInterrupt") == "'kept'", "declaration before the interrupt lost")
    fails_with(s, "afterInterrupt", "ReferenceError")


def check_declarations_kept_after_sigint(s):
    msg_id = s.kc.execute('let beforeLoop = 3;\nconsole.log("looping");\nwhile (true) {}')
    s.next_iopub(lambda m: m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id, "stream")
    s.km.interrupt_kernel()
    content = s.shell_reply(msg_id)["content"]
    s.iopub_until_idle(msg_id)
    expect(content["ename"] == "KeyboardInterrupt", f"reply {content}")
    expect(value_of(s, "beforeLoop + 1") == "4", "declaration before the busy loop lost")


def check_redeclaration_across_cells(s):
    cell = 'import { join } from "path";\nconst again = 1;\nlet mutable = 2;\nfunction twice() { return 3; }\nclass Again {}\nagain + mutable + twice()'
    expect(value_of(s, cell) == "6", "first run")
    expect(value_of(s, cell) == "6", "re-running a cell failed")
    expect(value_of(s, 'const again = "now a string";\nagain.length') == "12", "const with a new type")
    expect(value_of(s, "const twice = 4;\nlet Again = 5;\ntwice + Again") == "9", "function and class replaced by values")
    expect(value_of(s, 'function join(...parts: string[]) { return parts.join("+"); }\njoin("a", "b")') == "'a+b'", "import replaced")
    failing = 'const rerun = 1;\nthrow new Error("again");'
    run_failing(s, failing)
    content, _ = run_failing(s, failing)
    expect(content["evalue"] == "again", f"re-running a failed cell: {content}")


def check_await_anywhere(s):
    s.execute_ok("const later = <T,>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));")
    cases = {
        "[await later(1), (await later(2)) + 1]": "[ 1, 3 ]",
        "`sum ${await later(2) + await later(3)}`": "'sum 5'",
        "Math.max(await later(4), 1)": "4",
        "({ nested: { value: await later(5) } }).nested.value": "5",
        "(await later(true)) ? await later('yes') : 'no'": "'yes'",
        "await Promise.all([1, 2].map(async (n) => await later(n * 10)))": "[ 10, 20 ]",
        "const viaArrow = async () => await later(6);\nawait viaArrow()": "6",
        "let total = 0;\nfor await (const n of [later(1), later(2)]) total += n;\ntotal": "3",
        "let count = 0;\nif (await later(true)) { count = await later(7); }\ncount": "7",
        "const { field } = await later({ field: 8 });\nfield": "8",
    }
    for code, expected in cases.items():
        got = value_of(s, code)
        expect(got == expected, f"{code!r} gave {got}, expected {expected}")


def check_type_errors_are_warnings(s):
    reply, outputs, _ = s.execute('console.log("ran");\nconst typed: number = "text";\ntyped')
    expect(reply["content"]["status"] == "ok", f"a cell with a type error did not run: {reply['content']}")
    warning = stderr_text(outputs)
    expect(re.search(r"2:7 - Type 'string' is not assignable to type 'number'", warning), f"warning {warning!r}")
    expect("ran\n" in "".join(m["content"]["text"] for m in of_type(outputs, "stream")), "the cell did not run")
    expect(result_text(outputs) == "'text'", "the value is not what ran")
    reply, outputs, _ = s.execute('const fromServer: { name: string } = JSON.parse(\'{"name": "a", "extra": 1}\');\n(fromServer as { name: string }).extra')
    expect(reply["content"]["status"] == "ok" and result_text(outputs) == "1", "a field the type lacks is still read")


def check_completion_and_inspect_keep_types(s):
    s.execute("const typedLater: string = 42;\nconst completeMe = { alpha: 1, beta: 'b' };")
    code = "completeMe."
    reply = s.shell_reply(s.kc.complete(code, len(code)))["content"]
    expect({"alpha", "beta"} <= set(reply["matches"]), f"completions {reply['matches']}")
    reply = s.shell_reply(s.kc.inspect("completeMe", 3))["content"]
    expect(reply["found"] and "alpha: number" in reply["data"]["text/plain"], f"inspect {reply}")


def check_strict_types_block(_):
    env = dict(os.environ, TSGIS_STRICT_TYPES="1")
    strict = RecordingSession(env=env)
    try:
        content, outputs = run_failing(strict, 'console.log("ran");\nconst typed: number = "text";')
        expect(content["ename"] == "TypeScriptError", f"reply {content}")
        expect("2:7" in content["traceback"][0], f"traceback {content['traceback']}")
        expect(not any("ran" in m["content"]["text"] for m in of_type(outputs, "stream")), "a blocked cell ran")
        fails_with(strict, "typed", "TypeScriptError")
        validate_all(strict.received)
    finally:
        strict.close()


def check_notebook_with_error_validates(s):
    cells = ['console.log("out"); 1 + 1', 'throw new RangeError("saved error")', "const t: number = 'x';"]
    saved = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for count, code in enumerate(cells, start=1):
        _, outputs, _ = s.execute(code)
        # Outputs as JupyterLab stores them: the message content plus its output_type.
        stored = [dict(m["content"], output_type=m["msg_type"]) for m in outputs if m["msg_type"] in ("stream", "execute_result", "display_data", "error")]
        cell = {"cell_type": "code", "id": f"cell-{count}", "execution_count": count, "metadata": {}, "source": code, "outputs": stored}
        saved["cells"].append(cell)
    expect(any(o["output_type"] == "error" for c in saved["cells"] for o in c["outputs"]), "no error output to save")
    try:
        nbformat.validate(nbformat.reads(json.dumps(saved), as_version=4))
    except nbformat.ValidationError as error:
        raise CheckFailed(f"a saved notebook with an error output is invalid: {error.message}")


def validate_all(messages):
    problems = []
    for msg in messages:
        msg_type = msg["header"]["msg_type"]
        plain = dict(msg, header=dict(msg["header"], version=f"5.{SCHEMA_MINOR}"))
        plain = {k: v for k, v in plain.items() if k in msgspec_v5.msg_schema["properties"]}
        try:
            if msg_type == "execute_reply" and msg["content"].get("status") == "error":
                # execute_reply is the one reply the protocol gives execution_count when it fails.
                content = {k: v for k, v in msg["content"].items() if k != "execution_count"}
                expect("execution_count" in msg["content"], "execute_reply without execution_count")
                msgspec_v5.validate_message(dict(plain, content=content))
            elif msg_type in msgspec_v5.schema_fragments:
                msgspec_v5.validate_message(plain)
            else:
                problems.append(f"{msg_type}: no schema to check it against")
        except Exception as error:
            problems.append(f"{msg_type}: {getattr(error, 'message', error)} in {msg['content']}")
    expect(not problems, "messages that break the protocol's schemas:\n" + "\n".join(sorted(set(problems))))


def check_every_message_validates(s):
    s.shell_reply(s.kc.kernel_info())
    s.shell_reply(s.kc.is_complete("const x = ("))
    validate_all(s.received)


CHECKS = [
    check_declarations_kept_after_runtime_error,
    check_earlier_value_kept_when_redeclaration_not_reached,
    check_declarations_kept_after_type_error_in_later_statement,
    check_declarations_kept_after_interrupt_request,
    check_declarations_kept_after_sigint,
    check_redeclaration_across_cells,
    check_await_anywhere,
    check_type_errors_are_warnings,
    check_completion_and_inspect_keep_types,
    check_strict_types_block,
    check_notebook_with_error_validates,
    check_every_message_validates,  # last: it checks every message of the checks above
]


if __name__ == "__main__":
    run_checks(CHECKS, RecordingSession())
