"""Opens one file in tether-clangd; prints the seconds from didOpen to its
first publishDiagnostics, the best of CHANGES didChange -> publish times, and
how many tether-* diagnostics the first publish had.

    python3 bench/lsp-latency.py CLANGD PROJECT_DIR FILE CHANGES

Each didChange appends a comment line and asks for diagnostics at once
(clangd's wantDiagnostics extension: no debounce). Used by the benchmark
scripts (bench/lib.sh, clangd_case)."""
import json, os, signal, subprocess, sys, time

clangd, project, path, changes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
signal.alarm(300)
uri = "file://" + path
text = open(path).read()
proc = subprocess.Popen([clangd, "--background-index=false", "--pch-storage=memory",
                         "--clang-tidy", "--log=error"], cwd=project,
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

def send(msg):
    body = json.dumps(dict(jsonrpc="2.0", **msg)).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()

def recv():
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("tether-clangd exited")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    msg = json.loads(proc.stdout.read(length))
    if "method" in msg and "id" in msg:  # a request from the server
        send(dict(id=msg["id"], result=None))
    return msg

def wait(pred):
    while True:
        msg = recv()
        if pred(msg):
            return msg

def published(version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and m["params"].get("version") == version)

send(dict(id=1, method="initialize", params=dict(
    processId=os.getpid(), rootUri="file://" + project,
    capabilities=dict(textDocument=dict(publishDiagnostics=dict(versionSupport=True))))))
wait(lambda m: m.get("id") == 1)
send(dict(method="initialized", params={}))

t0 = time.monotonic()
send(dict(method="textDocument/didOpen", params=dict(textDocument=dict(
    uri=uri, languageId="cpp", version=1, text=text))))
first = wait(published(1))
opened = time.monotonic() - t0
tether = sum(1 for d in first["params"]["diagnostics"] if str(d.get("code", "")).startswith("tether-"))

best = None
for v in range(2, 2 + changes):
    text += "// edit %d\n" % v
    t0 = time.monotonic()
    send(dict(method="textDocument/didChange", params=dict(
        textDocument=dict(uri=uri, version=v), contentChanges=[dict(text=text)],
        wantDiagnostics=True)))  # clangd extension: no debounce
    wait(published(v))
    d = time.monotonic() - t0
    best = d if best is None else min(best, d)

send(dict(id=2, method="shutdown"))
wait(lambda m: m.get("id") == 2)
send(dict(method="exit"))
proc.wait(timeout=30)
print("%.3f %.3f %d" % (opened, best, tether))
