"""Drives the real tsgis kernel through jupyter_client and checks the protocol features the
tsgis launcher adds to tslab. Run with Debian's /usr/bin/python3 and JUPYTER_PATH pointing at
a kernelspec installed by `tsgis-kernel install --prefix`. Prints one JSON object
{"passed": [...], "failed": [{"check", "error"}]} and exits 1 when a check failed.

Waits use generous timeouts only to avoid hanging forever; nothing asserts on durations.
"""

import json
import os
import pathlib
import sys
import tempfile
import time
import traceback
import uuid

from jupyter_client.manager import start_new_kernel

TIMEOUT = 90
JUPYTER_DIR = "./kernel/dist/jupyter"  # cells import the built modules; the kernel runs in the repo root


class CheckFailed(AssertionError):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Session:
    def __init__(self):
        self.km, self.kc = start_new_kernel(kernel_name="tsgis", startup_timeout=TIMEOUT, cwd=os.getcwd())
        self.pending = []  # iopub messages read while looking for others

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)

    # -- iopub ------------------------------------------------------------------------
    def next_iopub(self, predicate, what):
        for i, msg in enumerate(self.pending):
            if predicate(msg):
                del self.pending[i]
                return msg
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            except Exception:
                raise CheckFailed(f"no {what} on iopub")
            if predicate(msg):
                return msg
            self.pending.append(msg)

    def iopub_until_idle(self, parent_id):
        """All iopub messages whose parent is parent_id, through its idle status."""
        collected = []
        while True:
            msg = self.next_iopub(lambda m: m["parent_header"].get("msg_id") == parent_id, f"messages for {parent_id}")
            collected.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return collected

    # -- shell ------------------------------------------------------------------------
    def shell_reply(self, msg_id):
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def execute(self, code, allow_stdin=False, stdin_answer=None):
        """Runs a cell; returns (reply, iopub messages of the cell, input_requests seen)."""
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        input_requests = []
        if stdin_answer is not None:
            request = self.kc.get_stdin_msg(timeout=TIMEOUT)
            input_requests.append(request)
            self.kc.input(stdin_answer)
        reply = self.shell_reply(msg_id)
        return reply, self.iopub_until_idle(msg_id), input_requests

    def execute_ok(self, code):
        reply, outputs, _ = self.execute(code)
        if reply["content"]["status"] != "ok":
            raise CheckFailed(f"cell failed: {code!r}: {reply['content']}")
        return outputs

    def send_shell(self, msg_type, content, buffers=None, metadata=None):
        msg = self.kc.session.msg(msg_type, content=content, metadata=metadata or {})
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=buffers or [])
        return msg["header"]["msg_id"]

    def send_control(self, msg_type, content):
        msg = self.kc.session.msg(msg_type, content=content)
        self.kc.session.send(self.kc.control_channel.socket, msg)
        return msg["header"]["msg_id"]


def of_type(messages, msg_type):
    return [m for m in messages if m["msg_type"] == msg_type]


def result_text(outputs):
    results = of_type(outputs, "execute_result")
    expect(len(results) == 1, f"expected one execute_result, got {[m['msg_type'] for m in outputs]}")
    return results[0]["content"]["data"]["text/plain"]


def stdout_text(messages):
    return "".join(m["content"]["text"] for m in of_type(messages, "stream") if m["content"]["name"] == "stdout")


# ---- checks -------------------------------------------------------------------------------


def check_kernel_info(s):
    msg_id = s.kc.kernel_info()
    content = s.shell_reply(msg_id)["content"]
    expect(content["status"] == "ok", "status is not ok")
    for key in ("protocol_version", "implementation", "implementation_version", "banner"):
        expect(isinstance(content.get(key), str) and content[key], f"{key} missing")
    info = content["language_info"]
    expect(info["name"] == "typescript", "language is not typescript")
    expect(info["file_extension"] == ".ts", "file_extension is not .ts")
    expect(info["mimetype"] == "text/typescript", "mimetype")
    expect(len(content["help_links"]) >= 1 and all("url" in h and "text" in h for h in content["help_links"]), "help_links")


def check_busy_idle_and_execute_input(s):
    _, outputs, _ = s.execute("1 + 1")
    states = [m["content"]["execution_state"] for m in of_type(outputs, "status")]
    expect(states == ["busy", "idle"] and outputs[0]["msg_type"] == "status", f"status sequence {states}")
    expect(of_type(outputs, "execute_input")[0]["content"]["code"] == "1 + 1", "execute_input")
    expect(result_text(outputs) == "2", "1 + 1 is not 2")


def check_rich_execute_result(s):
    outputs = s.execute_ok(
        'const card = { [Symbol.for("tsgis.display")]() { return { "text/html": "<b>card</b>", "image/png": new Uint8Array([1, 2]) }; } };\n'
        "card"
    )
    data = of_type(outputs, "execute_result")[0]["content"]["data"]
    expect(data.get("text/html") == "<b>card</b>", f"text/html missing: {data}")
    expect(data.get("image/png") == "AQI=", "binary data is not base64")
    expect("text/plain" in data, "text/plain missing from a rich bundle")
    outputs = s.execute_ok(f'import {{ html }} from "{JUPYTER_DIR}/display";\nhtml("<i>x</i>")')
    expect(of_type(outputs, "execute_result")[0]["content"]["data"]["text/html"] == "<i>x</i>", "html()")
    expect(result_text(s.execute_ok('"text"')) == "'text'", "strings show as util.inspect does")


def check_display_and_update(s):
    outputs = s.execute_ok(
        f'import {{ display, html }} from "{JUPYTER_DIR}/display";\n'
        'const shown = display(html("<p>one</p>"));\nshown.update(html("<p>two</p>"));'
    )
    shown = of_type(outputs, "display_data")
    updated = of_type(outputs, "update_display_data")
    expect(len(shown) == 1 and len(updated) == 1, "expected one display_data and one update_display_data")
    display_id = shown[0]["content"]["transient"]["display_id"]
    expect(display_id and updated[0]["content"]["transient"]["display_id"] == display_id, "display ids differ")
    expect(updated[0]["content"]["data"]["text/html"] == "<p>two</p>", "update content")


def check_progress(s):
    outputs = s.execute_ok(
        f'import {{ progress }} from "{JUPYTER_DIR}/progress";\n'
        'const bar = progress("Copying", { total: 4 });\nfor (let i = 0; i < 4; i++) bar.advance();\nbar.finish();'
    )
    shown = of_type(outputs, "display_data")
    updates = of_type(outputs, "update_display_data")
    expect(len(shown) == 1 and len(updates) >= 1, "progress shows once, then updates in place")
    expect("100%" in updates[-1]["content"]["data"]["text/plain"], "progress ends at 100%")
    expect("<progress" in updates[-1]["content"]["data"]["text/html"], "progress has an html bar")


def check_error_message(s):
    reply, outputs, _ = s.execute('throw new TypeError("bad value")')
    content = reply["content"]
    expect(content["status"] == "error" and content["ename"] == "TypeError" and content["evalue"] == "bad value", f"reply {content}")
    errors = of_type(outputs, "error")
    expect(len(errors) == 1, "expected one error message")
    expect(errors[0]["content"]["ename"] == "TypeError", "ename")
    expect(any("TypeError: bad value" in line for line in errors[0]["content"]["traceback"]), "traceback")
    reply, outputs, _ = s.execute("const n: number = 'not a number'")
    expect(reply["content"]["status"] == "ok" and not of_type(outputs, "error"), "a type error alone does not stop a cell")
    reply, outputs, _ = s.execute("const broken = (;")
    expect(reply["content"]["status"] == "error" and len(of_type(outputs, "error")) == 1, "a syntax error is an error")


def check_stdin_password(s):
    reply, outputs, requests = s.execute(
        f'import {{ promptForInput }} from "{JUPYTER_DIR}/input";\n'
        'const secret = await promptForInput("Password for tester: ", { password: true });\nsecret.length',
        allow_stdin=True,
        stdin_answer="s3cret!",
    )
    expect(reply["content"]["status"] == "ok", f"reply {reply['content']}")
    request = requests[0]["content"]
    expect(request["prompt"] == "Password for tester: " and request["password"] is True, f"input_request {request}")
    expect(result_text(outputs) == "7", "the typed value did not reach the cell")
    expect("s3cret!" not in json.dumps(outputs, default=str), "the password was echoed")
    outputs = s.execute_ok(f'import {{ canPromptForInput }} from "{JUPYTER_DIR}/input";\ncanPromptForInput()')
    expect(result_text(outputs) == "false", "canPromptForInput without allow_stdin")


def check_interrupt_request_stops_awaiting_cell(s):
    msg_id = s.kc.execute('console.log("waiting"); await new Promise(() => {});')
    s.next_iopub(lambda m: m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id, "stream")
    control_id = s.send_control("interrupt_request", {})
    reply = None
    while True:
        msg = s.kc.get_control_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == control_id:
            reply = msg
            break
    expect(reply["msg_type"] == "interrupt_reply" and reply["content"]["status"] == "ok", "interrupt_reply")
    content = s.shell_reply(msg_id)["content"]
    s.iopub_until_idle(msg_id)
    expect(content["status"] == "error" and content["ename"] == "KeyboardInterrupt", f"reply {content}")


def check_sigint_stops_busy_loop(s):
    msg_id = s.kc.execute('console.log("looping"); while (true) {}')
    s.next_iopub(lambda m: m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id, "stream")
    s.km.interrupt_kernel()  # interrupt_mode "signal": SIGINT
    content = s.shell_reply(msg_id)["content"]
    s.iopub_until_idle(msg_id)
    expect(content["status"] == "error" and content["ename"] == "KeyboardInterrupt", f"reply {content}")
    expect(result_text(s.execute_ok("40 + 2")) == "42", "kernel unusable after the interrupt")


def check_kernel_opened_comm_both_ways(s):
    outputs = s.execute_ok(
        f'import {{ openComm }} from "{JUPYTER_DIR}/comm";\n'
        'const probe = openComm("test.kernel_side", { hello: "front end" }, { buffers: [new Uint8Array([1, 2, 3])] });\n'
        "probe.onMessage((m) => {\n"
        "  probe.send({ echo: m.data, sizes: m.buffers.map((b) => b.length) }, { buffers: m.buffers });\n"
        "  setTimeout(() => probe.send({ later: true }), 10);\n"
        "});\n"
        'probe.onClose((m) => console.log("closed by front end", JSON.stringify(m.data)));'
    )
    opens = of_type(outputs, "comm_open")
    expect(len(opens) == 1, "comm_open not sent")
    opened = opens[0]
    comm_id = opened["content"]["comm_id"]
    expect(opened["content"]["target_name"] == "test.kernel_side", "target_name")
    expect(opened["content"]["data"] == {"hello": "front end"}, "comm_open data")
    expect([bytes(b) for b in opened["buffers"]] == [b"\x01\x02\x03"], "comm_open buffers")

    msg_id = s.send_shell("comm_msg", {"comm_id": comm_id, "data": {"ping": 1}}, buffers=[b"abc"])
    handled = s.iopub_until_idle(msg_id)
    expect([m["content"]["execution_state"] for m in of_type(handled, "status")] == ["busy", "idle"], "busy/idle around comm_msg")
    echo = of_type(handled, "comm_msg")
    expect(len(echo) == 1 and echo[0]["content"]["data"] == {"echo": {"ping": 1}, "sizes": [3]}, f"echo {echo}")
    expect([bytes(b) for b in echo[0]["buffers"]] == [b"abc"], "echoed buffers")
    later = s.next_iopub(lambda m: m["msg_type"] == "comm_msg" and m["content"]["data"] == {"later": True}, "timer message")
    expect(later["parent_header"]["msg_id"] == msg_id, "a message sent from a timer lost its parent header")

    close_id = s.send_shell("comm_close", {"comm_id": comm_id, "data": {"bye": 1}})
    expect('closed by front end {"bye":1}' in stdout_text(s.iopub_until_idle(close_id)), "close listener output under comm_close")

    outputs = s.execute_ok(f'import {{ openComm as open2 }} from "{JUPYTER_DIR}/comm";\nconst second = open2("test.second");')
    second_id = of_type(outputs, "comm_open")[0]["content"]["comm_id"]
    outputs = s.execute_ok('second.close({ reason: "done" });')
    closes = of_type(outputs, "comm_close")
    expect(len(closes) == 1 and closes[0]["content"] == {"comm_id": second_id, "data": {"reason": "done"}}, "kernel-side close")


def check_front_end_opened_comm_and_info(s):
    s.execute_ok(
        f'import {{ registerCommTarget }} from "{JUPYTER_DIR}/comm";\n'
        'registerCommTarget("test.echo", (comm, open) => {\n'
        "  comm.send({ opened: open.data, openBuffers: open.buffers.map((b) => Array.from(b)) });\n"
        "  comm.onMessage((m) => comm.send({ echo: m.data }, { buffers: m.buffers }));\n"
        "});"
    )
    comm_id = uuid.uuid4().hex
    open_id = s.send_shell("comm_open", {"comm_id": comm_id, "target_name": "test.echo", "data": {"a": 1}}, buffers=[b"\x00\xff"])
    answer = of_type(s.iopub_until_idle(open_id), "comm_msg")
    expect(len(answer) == 1 and answer[0]["content"]["data"] == {"opened": {"a": 1}, "openBuffers": [[0, 255]]}, f"open answer {answer}")

    msg_id = s.send_shell("comm_msg", {"comm_id": comm_id, "data": {"n": 2}}, buffers=[b"x", b"\x00" * 1000])
    echo = of_type(s.iopub_until_idle(msg_id), "comm_msg")
    expect([bytes(b) for b in echo[0]["buffers"]] == [b"x", b"\x00" * 1000], "two buffers round trip")

    other_id = s.execute_ok(f'import {{ openComm as open3 }} from "{JUPYTER_DIR}/comm";\nopen3("test.other");')
    other_comm = of_type(other_id, "comm_open")[0]["content"]["comm_id"]

    def info(**content):
        msg_id = s.send_shell("comm_info_request", content)
        reply = s.shell_reply(msg_id)
        expect(reply["msg_type"] == "comm_info_reply" and reply["content"]["status"] == "ok", f"comm_info_reply {reply['msg_type']}")
        return reply["content"]["comms"]

    expect(info(target_name="test.echo") == {comm_id: {"target_name": "test.echo"}}, "comm_info filtered by target")
    everything = info()
    expect(comm_id in everything and other_comm in everything, "comm_info without target lists all")
    expect(info(target_name="no.such.target") == {}, "comm_info for an unknown target")
    close_id = s.send_shell("comm_close", {"comm_id": comm_id, "data": {}})
    s.iopub_until_idle(close_id)
    expect(info(target_name="test.echo") == {}, "closed comm still listed")


def check_unknown_target_is_closed(s):
    comm_id = uuid.uuid4().hex
    open_id = s.send_shell("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
    closes = of_type(s.iopub_until_idle(open_id), "comm_close")
    expect(len(closes) == 1 and closes[0]["content"]["comm_id"] == comm_id, "unknown target not answered with comm_close")


def check_malformed_messages_survive(s):
    for content in ({}, {"comm_id": "nobody", "data": {}}, {"comm_id": 5, "data": {}}):
        msg_id = s.send_shell("comm_msg", content)
        s.iopub_until_idle(msg_id)
    msg_id = s.send_shell("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "test.echo", "data": 5})
    s.iopub_until_idle(msg_id)
    # A message with a bad signature is dropped without an answer.
    s.kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", b"bad", b"{}", b"{}", b"{}", b"{}"])
    s.kc.shell_channel.socket.send_multipart([b"garbage"])
    expect(result_text(s.execute_ok("6 * 7")) == "42", "kernel unusable after malformed messages")


def check_widget_protocol(s):
    outputs = s.execute_ok(
        f'import {{ Widget }} from "{JUPYTER_DIR}/widget";\n'
        'const w = new Widget({ modelName: "TestModel", modelModule: "test-widgets", modelModuleVersion: "1.0.0",\n'
        '  viewName: "TestView", viewModule: "test-widgets", viewModuleVersion: "1.0.0" }, { value: 1, blob: new Uint8Array([9, 8]) });\n'
        'w.onChange((changes) => console.log("changed", JSON.stringify(changes)));\n'
        'w.onCustomMessage((content) => w.sendCustom({ pong: content.ping }, [new Uint8Array([7])]));\n'
        "w"
    )
    opened = of_type(outputs, "comm_open")[0]
    model_id = opened["content"]["comm_id"]
    expect(opened["content"]["target_name"] == "jupyter.widget", "widget target")
    expect(opened["metadata"].get("version") == "2.1.0", "protocol version in metadata")
    state = opened["content"]["data"]["state"]
    expect(state["_model_name"] == "TestModel" and state["_view_name"] == "TestView" and state["value"] == 1, f"state {state}")
    expect(opened["content"]["data"]["buffer_paths"] == [["blob"]] and "blob" not in state, "buffer_paths")
    expect([bytes(b) for b in opened["buffers"]] == [b"\x09\x08"], "state buffers")
    view = of_type(outputs, "execute_result")[0]["content"]["data"]["application/vnd.jupyter.widget-view+json"]
    expect(view["model_id"] == model_id and view["version_major"] == 2, "widget view bundle")

    msg_id = s.send_shell("comm_msg", {"comm_id": model_id, "data": {"method": "update", "state": {"value": 5}, "buffer_paths": []}})
    expect('changed {"value":5}' in stdout_text(s.iopub_until_idle(msg_id)), "update from the front end")

    msg_id = s.send_shell("comm_msg", {"comm_id": model_id, "data": {"method": "request_state"}})
    full = of_type(s.iopub_until_idle(msg_id), "comm_msg")[0]
    expect(full["content"]["data"]["method"] == "update" and full["content"]["data"]["state"]["value"] == 5, "request_state answer")
    expect(full["content"]["data"]["buffer_paths"] == [["blob"]] and [bytes(b) for b in full["buffers"]] == [b"\x09\x08"], "request_state buffers")

    msg_id = s.send_shell("comm_msg", {"comm_id": model_id, "data": {"method": "custom", "content": {"ping": 3}}})
    custom = of_type(s.iopub_until_idle(msg_id), "comm_msg")[0]
    expect(custom["content"]["data"] == {"method": "custom", "content": {"pong": 3}}, "custom message")
    expect([bytes(b) for b in custom["buffers"]] == [b"\x07"], "custom buffers")
    outputs = s.execute_ok("w.set({ value: 6 });")
    update = of_type(outputs, "comm_msg")[0]["content"]["data"]
    expect(update == {"method": "update", "state": {"value": 6}, "buffer_paths": []}, f"kernel update {update}")


def check_widget_control_channel(s):
    """A front end that reconnects asks for every live widget at once (ipywidgets 8's control comm)."""
    outputs = s.execute_ok("w.modelId")
    model_id = result_text(outputs).strip("'")
    outputs = s.execute_ok(
        f'import {{ Widget as W2 }} from "{JUPYTER_DIR}/widget";\n'
        'const gone = new W2({ modelName: "GoneModel", modelModule: "test-widgets", modelModuleVersion: "1.0.0" }, {});\n'
        "gone.close();"
    )
    gone_id = of_type(outputs, "comm_open")[0]["content"]["comm_id"]
    comm_id = uuid.uuid4().hex
    open_id = s.send_shell("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}, metadata={"version": "1.0.0"})
    expect(of_type(s.iopub_until_idle(open_id), "comm_close") == [], "the control comm was refused")
    msg_id = s.send_shell("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
    answer = of_type(s.iopub_until_idle(msg_id), "comm_msg")
    expect(len(answer) == 1 and answer[0]["content"]["comm_id"] == comm_id, f"one answer on the control comm {answer}")
    data = answer[0]["content"]["data"]
    expect(data["method"] == "update_states", f"method {data['method']}")
    expect(model_id in data["states"] and gone_id not in data["states"], f"live widgets only: {list(data['states'])}")
    entry = data["states"][model_id]
    expect(
        (entry["model_name"], entry["model_module"], entry["model_module_version"]) == ("TestModel", "test-widgets", "1.0.0"),
        f"model spec {entry}",
    )
    expect(entry["state"]["value"] == 6 and "blob" not in entry["state"], f"state {entry['state']}")
    paths = data["buffer_paths"]
    expect(paths == [[model_id, "state", "blob"]], f"buffer paths {paths}")
    expect([bytes(b) for b in answer[0]["buffers"]] == [b"\x09\x08"], "control buffers")
    close_id = s.send_shell("comm_close", {"comm_id": comm_id, "data": {}})
    s.iopub_until_idle(close_id)


def check_promise_callbacks_keep_their_cell(s):
    first = s.execute_ok(
        "let release: () => void = () => {};\n"
        'new Promise<void>((resolve) => { release = resolve; }).then(() => console.log("from the first cell"));'
    )
    first_id = first[0]["parent_header"]["msg_id"]
    s.execute_ok("release();")
    late = s.next_iopub(lambda m: m["msg_type"] == "stream" and "from the first cell" in m["content"]["text"], "callback output")
    expect(late["parent_header"]["msg_id"] == first_id, "callback output went to the wrong cell")


def check_files_changing_on_disk(s):
    """A local module that changes on disk used to leave tslab's compiler stuck for good."""
    with tempfile.TemporaryDirectory() as folder:
        # JavaScript with a declaration file: tslab compiles .ts modules only inside the kernel's folder.
        pathlib.Path(folder, "local.js").write_text("exports.answer = 41;\n")
        declarations = pathlib.Path(folder, "local.d.ts")
        declarations.write_text("export declare const answer: number;\n")
        outputs = s.execute_ok(f'import {{ answer }} from "{folder}/local";\nconst kept = answer + 1;\nkept')
        expect(result_text(outputs) == "42", "local module")
        declarations.write_text("export declare const answer: 41;\n")
        pathlib.Path(folder, "other.d.ts").write_text("export {};\n")
        time.sleep(3)  # gives TypeScript's file watchers time to notice; nothing is asserted on time
        msg_id = s.kc.inspect("Math.max")
        expect(s.shell_reply(msg_id)["content"]["status"] == "ok", "inspect after files changed")
        expect(result_text(s.execute_ok("kept")) == "42", "cells after files changed")


CHECKS = [
    check_kernel_info,
    check_busy_idle_and_execute_input,
    check_rich_execute_result,
    check_display_and_update,
    check_progress,
    check_error_message,
    check_stdin_password,
    check_interrupt_request_stops_awaiting_cell,
    check_sigint_stops_busy_loop,
    check_kernel_opened_comm_both_ways,
    check_front_end_opened_comm_and_info,
    check_unknown_target_is_closed,
    check_malformed_messages_survive,
    check_widget_protocol,
    check_widget_control_channel,
    check_promise_callbacks_keep_their_cell,
    check_files_changing_on_disk,
]


def run_checks(checks, session):
    """Runs every check on the session, prints the JSON report and exits 1 when one failed."""
    passed, failed = [], []
    try:
        for check in checks:
            try:
                check(session)
                passed.append(check.__name__)
            except Exception as error:  # one failure must not hide the others
                detail = str(error) if isinstance(error, CheckFailed) else traceback.format_exc()
                failed.append({"check": check.__name__, "error": detail})
    finally:
        session.close()
    print(json.dumps({"passed": passed, "failed": failed}, indent=2))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    run_checks(CHECKS, Session())
