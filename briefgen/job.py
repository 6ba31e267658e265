"""A build as an unattended job: lock the output folder, build, render, write, record a manifest, run the post command."""
from __future__ import annotations

import shlex
import subprocess
from datetime import datetime
from pathlib import Path

from briefgen import pipeline
from briefgen.config import Config
from briefgen.errors import EXIT_ERROR, BriefgenError
from briefgen.lock import OutputLock
from briefgen.manifest import RunRecord, write_manifest


def run_build(config: Config, *, now: datetime | None = None, since: str | None = None, strict: bool = False,
              wait: bool = False, config_path: str | None = None) -> RunRecord:
    """Build and write the briefing under the output folder's lock; the manifest records the run, good or bad."""
    record = RunRecord(config=config_path, inputs=list(config.sources))
    now = pipeline.resolve_now(now or config.now)
    record.now = now.isoformat()
    import signal

    previous = _terminate_as_exit()
    try:
        return _locked_build(config, record, now, since, strict, wait)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _locked_build(config: Config, record: RunRecord, now: datetime, since: str | None, strict: bool, wait: bool) -> RunRecord:
    """The run itself, under the lock."""
    from briefgen.logs import log, summarize

    with OutputLock(config.output.dir, wait=wait):
        try:
            pipeline.check_templates(config, config.output.formats)
            with record.timed("build"):
                briefing = pipeline.build(config, now=now, strict=strict, since=since, run=record)
            for s in briefing.skipped:
                log.warning(f"warning: skipped {s.path}: {s.reason}")
            with record.timed("render"):
                rendered = pipeline.render(briefing, config, config.output.formats)
            stem = pipeline.output_stem(config, briefing)
            _remove_stale_temporaries(stem)
            with record.timed("write"):
                paths = pipeline.write(rendered, stem)
            record.outputs = [str(p) for p in paths]
            if config.post_command:
                with record.timed("post_command"):
                    run_post_command(config.post_command, paths)
            record.finish("ok", 0)
        except BriefgenError as e:
            record.finish("error", e.exit_code, str(e))
            e.reported = True  # the summary line below reports it; the CLI does not repeat it
            raise
        except Exception as e:
            record.finish("error", EXIT_ERROR, f"internal error: {type(e).__name__}: {e} (rerun with --debug for the traceback)")
            raise
        except BaseException as e:  # Ctrl+C, or SIGTERM from systemd (see _terminate_as_exit)
            record.finish("interrupted", e.code if isinstance(e, SystemExit) and isinstance(e.code, int) else 130, "interrupted")
            raise
        finally:
            _write_manifest_safely(record, config, now)
            summarize(record)
    return record


def _terminate_as_exit():
    """Turn SIGTERM (systemctl stop, a timeout) into SystemExit, so temporaries are removed and the manifest says so."""
    import signal
    import threading

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():
        return signal.signal(signal.SIGTERM, stop)
    return None


def _remove_stale_temporaries(stem: Path) -> None:
    """Delete temporaries a killed run (SIGKILL, power loss) left beside these outputs; we hold the lock, so none is live."""
    if stem.parent.is_dir():
        for tmp in stem.parent.glob(f".{stem.name}.*.tmp"):
            tmp.unlink(missing_ok=True)


def _write_manifest_safely(record: RunRecord, config: Config, now: datetime) -> None:
    """Write the manifest beside the day's outputs; a manifest problem must not hide the run's own error."""
    import logging

    try:
        stem = pipeline.output_stem(config, _Dated(now.date()))
        with record.timed("manifest"):
            write_manifest(record, stem)
    except (BriefgenError, OSError) as e:
        logging.getLogger("briefgen").error(f"cannot write the run manifest: {e}")


class _Dated:
    """The one briefing attribute output_stem reads, for a run that failed before it had a briefing."""

    def __init__(self, date):
        self.date = date


def run_post_command(command: str, paths: list[Path]) -> None:
    """Run the delivery hook with the output paths as arguments (no shell: the paths are passed as they are)."""
    argv = shlex.split(command) + [str(p) for p in paths]
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, timeout=600)
    except FileNotFoundError:
        raise BriefgenError(f"post_command: '{argv[0]}' not found; check post_command in the config") from None
    except OSError as e:  # a file that is no program, or not executable
        raise BriefgenError(f"post_command: '{argv[0]}' cannot be run ({e.strerror}); check post_command in the config") from None
    except subprocess.TimeoutExpired:
        raise BriefgenError("post_command: still running after 10 minutes; stopped") from None
    if done.returncode != 0:
        raise BriefgenError(f"post_command exited {done.returncode}; the outputs were written")
