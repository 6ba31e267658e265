"""The scheduling files in docs/: the systemd units parse and their command, like the cron line's, builds a briefing."""
from __future__ import annotations

import configparser
import json
import re
import shlex
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED_MORNING = datetime(2024, 2, 19, 6, 30, tzinfo=timezone.utc)  # the seed article's day, at the timer's time


def read_unit(name: str) -> configparser.ConfigParser:
    # systemd units are INI-like: no interpolation ('%' is a systemd specifier), keys keep their case.
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read_string((DOCS / name).read_text(encoding="utf-8"))
    return parser


def test_units_parse_and_the_timer_catches_up():
    service, timer = read_unit("briefgen.service"), read_unit("briefgen.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert "4" in service["Service"]["SuccessExitStatus"].split()
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "briefgen.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    argv = shlex.split(service["Service"]["ExecStart"])
    assert argv[0].endswith("briefgen") and argv[1:3] == ["build", "--config"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_analyze_verifies_the_units(tmp_path):
    venv_briefgen = ROOT / ".venv" / "bin" / "briefgen"
    service = (DOCS / "briefgen.service").read_text(encoding="utf-8")
    service = re.sub(r"(?m)^ExecStart=\S+", f"ExecStart={venv_briefgen}", service)  # the install path of this checkout
    service = re.sub(r"(?m)^WorkingDirectory=.*$", f"WorkingDirectory={ROOT}", service)
    (tmp_path / "briefgen.service").write_text(service)
    shutil.copy(DOCS / "briefgen.timer", tmp_path / "briefgen.timer")
    r = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "briefgen.service"), str(tmp_path / "briefgen.timer")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


@pytest.fixture
def workdir(tmp_path, monkeypatch, nlp):
    """The service's WorkingDirectory: the daily config and the seed folder, at the seed's morning."""
    shutil.copytree(ROOT / "configs", tmp_path / "configs")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(SEED_MORNING.timestamp())))
    return tmp_path


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as e:
        return e.code or 0
    return 0


def test_the_service_command_builds_the_daily_brief(workdir, capsys):
    argv = shlex.split(read_unit("briefgen.service")["Service"]["ExecStart"])[1:]
    assert run(argv) == 0
    summary = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert summary["status"] == "ok" and summary["parsed"] == 1
    stem = workdir / "out" / "daily" / "2024" / "02" / "brief-2024-02-19"
    assert Path(str(stem) + ".pdf").read_bytes().startswith(b"%PDF")
    manifest = json.loads(Path(str(stem) + ".manifest.json").read_text())
    assert manifest["counts"]["articles"] == 1 and manifest["window_start"] == "2024-02-18"


def test_the_cron_line_runs_quietly(workdir, capsys):
    text = (DOCS / "scheduling.md").read_text(encoding="utf-8")
    line = re.search(r"```cron\n(.+)\n```", text).group(1)
    fields = line.split(None, 5)
    assert all(re.fullmatch(r"[\d*/,-]+", f) for f in fields[:5])
    command = fields[5].split("&&", 1)[1]  # after `cd INSTALL_DIR`
    argv = shlex.split(command)[1:]
    assert "--quiet" in argv and "--config" in argv
    assert run(argv) == 0 and run(argv) == 0
    assert capsys.readouterr().err == ""  # cron mails only when something failed
    m = json.loads((workdir / "out" / "daily" / "2024" / "02" / "brief-2024-02-19.manifest.json").read_text())
    assert m["counts"]["cached"] == 1 and m["counts"]["parsed"] == 0
