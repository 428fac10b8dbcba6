"""Measures the tsgis kernel from a Jupyter front end's side, with jupyter_client.

Run with Debian's /usr/bin/python3 and JUPYTER_PATH pointing at a kernelspec installed by
`tsgis-kernel install --prefix`; bench/kernel/kernel-bench.ts does that. Prints one JSON object of
raw samples in milliseconds on stdout (nothing is summarised or judged here):

  {"start": [{"startToReady", "startToFirstResult", "firstCell", "warmCell", "importTsgis",
              "cpuToFirstResult", "cpuImportTsgis"}, ...],
   "stockStart": [... the same for stock tslab, when --stock-kernel names its kernelspec ...],
   "comm": {"small": [...], "buffer": [...], "bufferBytes": N}}

`--part start` or `--part comm` measures only that part. With `--stock-kernel NAME` the start
part runs stock tslab (kernelspec NAME) too, alternating which kernel starts first in each
round, so both see the same machine load. Timeouts only stop a hung kernel.
"""

import argparse
import json
import os
import sys
import uuid
from time import perf_counter

from jupyter_client.manager import KernelManager

TIMEOUT = 120
ECHO_TARGET = "tsgis.bench.echo"
ECHO_CELL = (
    'import { registerCommTarget } from "tsgis";\n'
    f'registerCommTarget("{ECHO_TARGET}", (comm) => {{\n'
    "  comm.onMessage((message) => comm.send(message.data, { buffers: message.buffers }));\n"
    "});"
)


def ms(seconds):
    return round(seconds * 1000, 3)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU time the process has used so far (Linux /proc). Unlike the clock, this
    barely changes with how busy the machine is, so it compares kernels fairly on a shared box."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Kernel:
    """One tsgis kernel with a client; started in `cwd` so cells can import tsgis."""

    def __init__(self, cwd, kernel_name="tsgis"):
        self.km = KernelManager(kernel_name=kernel_name)
        self.started = perf_counter()
        self.km.start_kernel(cwd=cwd)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.ready = perf_counter()

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)

    def iopub_for(self, parent_id, predicate):
        """Reads iopub until a message of this request satisfies predicate; returns it."""
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == parent_id and predicate(msg):
                return msg

    def until_idle(self, parent_id):
        self.iopub_for(parent_id, lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")

    def execute(self, code):
        """Runs a cell; returns the moment its result arrived (or its reply, if none).

        Stock tslab prints the last expression as a stdout stream instead of an execute_result,
        so the first output of either kind counts as the result."""
        msg_id = self.kc.execute(code)
        result_at = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] in ("execute_result", "display_data", "stream") and result_at is None:
                result_at = perf_counter()
            if msg["msg_type"] == "error":
                raise RuntimeError(f"cell failed: {code!r}: {msg['content']['ename']}: {msg['content']['evalue']}")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        reply = self.shell_reply(msg_id)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"cell failed: {code!r}: {reply['content']}")
        return result_at if result_at is not None else perf_counter()

    def shell_reply(self, msg_id):
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def send_shell(self, msg_type, content, buffers=None):
        msg = self.kc.session.msg(msg_type, content=content)
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=buffers or [])
        return msg["header"]["msg_id"]


def start_once(cwd, kernel_name):
    kernel = Kernel(cwd, kernel_name)
    try:
        pid = kernel.km.provisioner.pid
        first_result = kernel.execute("1 + 1")
        cpu_to_first_result = cpu_seconds(pid)
        before_warm = perf_counter()
        warm_result = kernel.execute("2 + 2")
        cpu_before_import = cpu_seconds(pid)
        before_import = perf_counter()
        import_result = kernel.execute('import { GIS } from "tsgis";\ntypeof GIS.connect')
        cpu_of_import = cpu_seconds(pid) - cpu_before_import
        return {
            "cpuToFirstResult": ms(cpu_to_first_result),
            "cpuImportTsgis": ms(cpu_of_import),
            "startToReady": ms(kernel.ready - kernel.started),
            "startToFirstResult": ms(first_result - kernel.started),
            "firstCell": ms(first_result - kernel.ready),
            "warmCell": ms(warm_result - before_warm),
            "importTsgis": ms(import_result - before_import),
        }
    finally:
        kernel.close()


def measure_start(runs, cwd, stock_kernel):
    """Fresh kernels; with a stock kernel, one of each per round, in alternating order."""
    ours, stock = [], []
    for round_index in range(runs):
        order = [("tsgis", ours), (stock_kernel, stock)] if stock_kernel else [("tsgis", ours)]
        if round_index % 2 == 1:
            order.reverse()
        for kernel_name, samples in order:
            samples.append(start_once(cwd, kernel_name))
    return ours, stock


def round_trips(kernel, comm_id, count, buffers):
    """Front end → kernel → front end: comm_msg out, the echoed comm_msg back on iopub."""
    samples = []
    for seq in range(count):
        sent = perf_counter()
        msg_id = kernel.send_shell("comm_msg", {"comm_id": comm_id, "data": {"seq": seq}}, buffers=buffers)
        echo = kernel.iopub_for(msg_id, lambda m: m["msg_type"] == "comm_msg")
        received = perf_counter()
        if echo["content"]["data"] != {"seq": seq} or len(echo.get("buffers", [])) != len(buffers):
            raise RuntimeError(f"wrong echo for message {seq}: {echo['content']}")
        kernel.until_idle(msg_id)
        samples.append(ms(received - sent))
    return samples


def measure_comm(trips, buffer_trips, buffer_bytes, warm_up, cwd):
    kernel = Kernel(cwd)
    try:
        kernel.execute(ECHO_CELL)
        comm_id = uuid.uuid4().hex
        open_id = kernel.send_shell("comm_open", {"comm_id": comm_id, "target_name": ECHO_TARGET, "data": {}})
        kernel.until_idle(open_id)
        payload = [bytes(buffer_bytes)]
        round_trips(kernel, comm_id, warm_up, [])
        small = round_trips(kernel, comm_id, trips, [])
        round_trips(kernel, comm_id, max(1, warm_up // 10), payload)
        large = round_trips(kernel, comm_id, buffer_trips, payload)
        return {"small": small, "buffer": large, "bufferBytes": buffer_bytes}
    finally:
        kernel.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=["start", "comm", "all"], default="all")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--round-trips", type=int, default=200)
    parser.add_argument("--buffer-round-trips", type=int, default=30)
    parser.add_argument("--buffer-bytes", type=int, default=1024 * 1024)
    parser.add_argument("--warm-up", type=int, default=20)
    parser.add_argument("--cwd", required=True, help="the kernel's working directory (resolves tsgis)")
    parser.add_argument("--stock-kernel", help="kernelspec name of stock tslab, measured beside tsgis")
    args = parser.parse_args()
    report = {}
    if args.part in ("start", "all"):
        report["start"], stock = measure_start(args.starts, args.cwd, args.stock_kernel)
        if args.stock_kernel:
            report["stockStart"] = stock
    if args.part in ("comm", "all"):
        report["comm"] = measure_comm(args.round_trips, args.buffer_round_trips, args.buffer_bytes, args.warm_up, args.cwd)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
