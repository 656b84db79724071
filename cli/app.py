"""The `tongket` command: typer commands that parse, call the library and format; nothing else."""

from __future__ import annotations

import logging
import sys

import typer

from tongket.cli import classify, digest, evaluate, labels, report, serve, train
from tongket.cli.common import state

__all__ = ["app", "main"]

app = typer.Typer(
    name="tongket",
    help="Đọc tin hội nghị tổng kết: kết quả, hạn chế, nhiệm vụ. Reads Vietnamese review-conference news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks and debug logs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr."),
) -> None:
    state.debug = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR if quiet else logging.WARNING, format="%(message)s")


app.command("classify")(classify.classify_command)
app.command("digest")(digest.digest_command)
app.command("train")(train.train_command)
app.command("evaluate")(evaluate.evaluate_command)
app.command("report")(report.report_command)
app.command("serve")(serve.serve_command)
app.add_typer(labels.app, name="labels")


def main() -> None:
    """Console entry point: library errors become one line and exit 1; tracebacks only with --debug."""
    from tongket.text.errors import OptionError, TongketError

    try:
        returned = app(standalone_mode=False)
        if returned == 130:  # typer turns Ctrl-C into an exit code when it does not exit itself
            raise KeyboardInterrupt
        if isinstance(returned, int) and returned:
            sys.exit(returned)
    except OptionError as error:
        state.fail(str(error))
        sys.exit(2)
    except TongketError as error:
        state.fail(str(error))
        if state.debug:
            raise
        sys.exit(1)
    except (typer.Exit, SystemExit) as done:
        code = done.exit_code if isinstance(done, typer.Exit) else done.code
        sys.exit(code if code is not None else 0)
    except (typer.Abort, KeyboardInterrupt):
        state.fail("interrupted; finished digests are cached, run the same command again to continue")
        sys.exit(130)
    except Exception as error:  # usage errors (click's, or typer's vendored click) arrive here with standalone_mode off
        if type(error).__name__ == "Abort":
            state.fail("interrupted; finished digests are cached, run the same command again to continue")
            sys.exit(130)
        if callable(getattr(error, "show", None)) and isinstance(getattr(error, "exit_code", None), int):
            error.show()
            sys.exit(error.exit_code)
        if state.debug:
            raise
        state.fail(f"{type(error).__name__}: {error} (run with --debug for the traceback)")
        sys.exit(1)
    sys.exit(state.exit_code)
