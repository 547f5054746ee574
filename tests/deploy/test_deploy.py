"""Deployment files, checked offline: Kubernetes manifests against the API schemas (the
schemas ship in the kubernetes-validate package), the Dockerfile's user and health check, and
the haproxy configuration `make serve` writes (with `haproxy -c` where haproxy is installed)."""

import copy
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys

import kubernetes_validate
import pytest
import yaml
from helpers import ROOT

K8S = ROOT / "deploy" / "k8s"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
K8S_VERSION = "1.30.0"  # a version ingress-nginx supports; schemas ship with the package
HEALTH = "/_stcore/health"


def _load_serve():
    spec = importlib.util.spec_from_file_location("deploy_serve", ROOT / "deploy" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


serve = _load_serve()


def manifests() -> dict[str, dict]:
    docs = [d for f in sorted(K8S.glob("*.yaml"))
            for d in yaml.safe_load_all(f.read_text(encoding="utf-8")) if d]
    return {d["kind"]: d for d in docs}


@pytest.mark.parametrize("kind", ["Deployment", "Service", "Ingress"])
def test_manifest_is_valid_against_the_kubernetes_schema(kind):
    doc = manifests()[kind]
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    doc = copy.deepcopy(manifests()["Deployment"])
    doc["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["pathh"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
    doc = copy.deepcopy(manifests()["Deployment"])
    doc["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_deployment_probes_resources_user_and_secret():
    dep = manifests()["Deployment"]
    pod = dep["spec"]["template"]["spec"]
    (c,) = pod["containers"]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert c[probe]["httpGet"]["path"] == HEALTH
        assert c[probe]["httpGet"]["port"] == "http"
    assert {"name": "http", "containerPort": 8501} in c["ports"]
    res = c["resources"]
    assert res["requests"]["memory"] and res["limits"]["memory"] and res["requests"]["cpu"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    (env,) = [e for e in c["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET"]
    assert "secretKeyRef" in env["valueFrom"] and "value" not in env
    assert dep["spec"]["replicas"] >= 2


def test_service_and_ingress_reach_the_deployment_with_cookie_affinity():
    m = manifests()
    labels = m["Deployment"]["spec"]["template"]["metadata"]["labels"]
    svc = m["Service"]
    assert svc["spec"]["selector"].items() <= labels.items()
    ing = m["Ingress"]
    a = ing["metadata"]["annotations"]
    assert a["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert a["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert a["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert int(a["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == svc["metadata"]["name"]
    assert backend["port"]["name"] in {p["name"] for p in svc["spec"]["ports"]}


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", "\n".join(
        x for x in text.splitlines() if not x.lstrip().startswith("#")))
    return [(x.split(None, 1)[0].upper(), x.split(None, 1)[1] if " " in x.strip() else "")
            for x in text.splitlines() if x.strip()]


def test_dockerfile_runs_as_non_root_with_a_health_check():
    ins = _instructions(DOCKERFILE.read_text(encoding="utf-8"))
    users = [args.split(":")[0].strip() for op, args in ins if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert [op for op, _ in ins].index("USER") < [op for op, _ in ins].index("CMD")
    (health,) = [args for op, args in ins if op == "HEALTHCHECK"]
    assert HEALTH in health and "8501" in health
    (base,) = [args for op, args in ins if op == "FROM"]
    assert "bookworm" in base or base.startswith("debian")
    run = " ".join(args for op, args in ins if op == "RUN")
    for package in ("chromium", "fonts-dejavu-core", "fonts-noto-cjk"):
        assert package in run.split()
    assert "cookieSecret" not in DOCKERFILE.read_text(encoding="utf-8")
    assert not [op for op, args in ins if op in ("ENV", "ARG") and "COOKIE_SECRET" in args]


def test_no_cookie_secret_is_committed():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if files.returncode != 0:
        pytest.skip("not a git checkout")
    for name in files.stdout.split():
        if name.endswith((".toml", ".yaml", ".yml", ".cfg", ".env")):
            text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"cookieSecret\s*=", text), name


def _config(tmp_path, workers=2):
    ws = [serve.Worker(f"w{i + 1}", 20000 + i) for i in range(workers)]
    return serve.haproxy_config(ws, "127.0.0.1", 8501, tmp_path / "haproxy.sock", 8502)


def test_haproxy_config_is_sticky_health_checked_and_websocket_friendly(tmp_path):
    cfg = _config(tmp_path, 3)
    assert "cookie SERVERID insert indirect nocache" in cfg
    assert re.search(r"^\s+timeout tunnel 1h$", cfg, re.M)
    assert f"http-check send meth GET uri {HEALTH}" in cfg
    assert "option redispatch" in cfg
    servers = re.findall(r"^\s+server (w\d) 127\.0\.0\.1:(\d+) cookie (w\d) check$", cfg, re.M)
    assert servers == [("w1", "20000", "w1"), ("w2", "20001", "w2"), ("w3", "20002", "w3")]
    assert "bind 127.0.0.1:8501" in cfg and "bind 127.0.0.1:8502" in cfg


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed")
def test_haproxy_accepts_the_config(tmp_path):
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(_config(tmp_path))
    check = subprocess.run(["haproxy", "-c", "-f", str(cfg)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    cfg.write_text(_config(tmp_path).replace("balance leastconn", "balance nonsense"))
    assert subprocess.run(["haproxy", "-c", "-f", str(cfg)], capture_output=True).returncode


def test_serve_options():
    args = serve.parse_args([])
    assert (args.workers, args.port, args.address) == (os.cpu_count() or 1, 8501, "0.0.0.0")
    args = serve.parse_args(["--workers", "3", "--port", "9000", "--restart-delay", "0"])
    assert (args.workers, args.port, args.restart_delay) == (3, 9000, 0)
    for bad in (["--workers", "0"], ["--port", "70000"], ["--workers", "two"]):
        with pytest.raises(SystemExit) as exc:
            serve.parse_args(bad)
        assert exc.value.code == 2


def test_free_ports_are_distinct():
    ports = serve.free_ports(4)
    assert len(set(ports)) == 4 and all(1024 <= p < 65536 for p in ports)


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed")
def test_serve_refuses_a_port_in_use(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert serve.main(["--port", str(s.getsockname()[1]), "--address", "127.0.0.1"]) == 1
    assert "already in use" in capsys.readouterr().err
