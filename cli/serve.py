"""`tongket serve`: the local web app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def serve_command(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to bind; the default keeps the app on this machine.")] = "127.0.0.1",
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    labels: Annotated[Path, typer.Option("--labels", help="Labels folder; corrections are written to its app/ folder.")] = Path("labels"),
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder (<source>/articles.jsonl) for the labelling queue.")] = None,
    data: Annotated[Optional[list[Path]], typer.Option("--data", help="Folders the report page may read (repeatable; default: this folder).")] = None,
    retrain_every: Annotated[int, typer.Option("--retrain-every", help="Retrain the queue's model after this many new labels.")] = 20,
    max_upload: Annotated[int, typer.Option("--max-upload", help="Largest upload accepted, in bytes.")] = 5_000_000,
) -> None:
    """Digest, correct and label in the browser; run reports from it."""
    try:
        import uvicorn

        from tongket.serve.app import ServeSettings, create_app
    except ImportError:
        from tongket.text.errors import OptionError

        raise OptionError("tongket serve needs starlette, uvicorn and python-multipart: pip install -e .") from None
    from tongket.training.corpus import default_corpus_dir

    settings = ServeSettings(labels=labels, model=model, corpus=corpus or default_corpus_dir(), data=list(data or []),
                             retrain_every=retrain_every, max_upload=max_upload)
    typer.echo(f"tongket serve: http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
