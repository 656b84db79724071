"""`tongket serve`: a local web app to digest articles, correct labels, label a corpus queue and run reports.

Pages are Jinja2 templates with our own small scripts (no third-party JavaScript, no CDN: the machine may be
offline). Every endpoint returns JSON or a page; the browser never receives article text as HTML, only as
text nodes, and the templates escape everything, so an article holding `<script>` runs nothing.

Hostile use is refused at the edge: uploads beyond `max_upload` bytes (413), paths outside the folders
the app was given (403), requests from another origin (403), label writes that are not JSON (415).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from tongket.serve.labelstore import LabelStore, check_annotator
from tongket.serve.queue import Candidate, CorpusPool, labelled_units, select
from tongket.serve.trainer import Retrainer
from tongket.text.errors import OptionError, TongketError

__all__ = ["ServeSettings", "create_app"]

logger = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
_REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"
_UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".docx")


@dataclass
class ServeSettings:
    """What the app may touch: the model, the labels folder it writes, the corpus it proposes units from,
    the folders a report may read, and where it keeps its own files."""

    labels: Path
    model: Path | None = None
    corpus: Path | None = None
    data: list[Path] = field(default_factory=list)
    state: Path | None = None
    max_upload: int = 5_000_000
    retrain_every: int = 20
    pool_size: int = 300
    queue_size: int = 30

    def checked(self) -> ServeSettings:
        from tongket.report.options import default_cache_dir

        self.labels = Path(self.labels).resolve()
        self.labels.mkdir(parents=True, exist_ok=True)
        if self.corpus is not None and not Path(self.corpus).is_dir():
            raise OptionError(f"corpus folder {self.corpus} does not exist")
        self.data = [Path(d).resolve() for d in (self.data or [Path.cwd()])]
        self.state = Path(self.state or default_cache_dir() / "serve").resolve()
        self.state.mkdir(parents=True, exist_ok=True)
        return self


class _State:
    """The app's memory: the model, recently analysed articles, the queue, report jobs."""

    def __init__(self, settings: ServeSettings) -> None:
        from tongket import load_model
        from tongket.training.labelset import load_label_set

        self.settings = settings
        self.model = load_model(settings.model)
        self.queue_model = self.model
        self.label_set = load_label_set([settings.labels])
        self.store = LabelStore(settings.labels)
        self.articles: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()
        self.pool: CorpusPool | None = None
        self.queue: list[Candidate] = []
        self.skipped: dict[str, set[tuple[str, int]]] = {}
        self.stale = False
        self.retrainer = Retrainer(settings.labels, settings.corpus, self._new_queue_model, settings.retrain_every)
        self.jobs: dict[str, dict] = {}

    @property
    def labels(self) -> list[dict]:
        """Every label the app offers, with its title and key (1, 2, …)."""
        names = [n for n in self.label_set.names]
        names += [c for c in self.model.classes if c not in names]
        return [{"name": n, "title": self.label_set.title(n), "key": str(i + 1) if i < 9 else ""} for i, n in enumerate(names)]

    def remember(self, article) -> str:
        key = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
        with self.lock:
            self.articles[key] = article
            self.articles.move_to_end(key)
            while len(self.articles) > 50:
                self.articles.popitem(last=False)
        return key

    def _new_queue_model(self, model) -> None:
        with self.lock:
            self.queue_model = model
            self.stale = True  # rescored with the new model on the next request; the unit on screen stays valid

    def fill_queue(self) -> None:
        """Score the pool with the queue's model and keep the most informative, varied units."""
        if self.settings.corpus is None:
            return
        with self.lock:
            if self.pool is None:
                self.pool = CorpusPool(Path(self.settings.corpus), size=self.settings.pool_size).load()
            done = labelled_units(record for _, record in self.store.records())
            done |= _corpus_labelled(self.settings.labels)
            candidates = self.pool.candidates(self.queue_model, done)
            chosen = select([c.text for c in candidates], [c.article for c in candidates],
                            _array([c.uncertainty for c in candidates]), self.settings.queue_size)
            self.queue = [candidates[i] for i in chosen]
            self.stale = False


def _array(values):
    import numpy as np

    return np.asarray(values, dtype=float)


def _corpus_labelled(labels_dir: Path) -> set[tuple[str, int]]:
    """(article, index) of the corpus units the labels folder already holds outside the app's own files."""
    import json

    done: set[tuple[str, int]] = set()
    for path in labels_dir.rglob("*.jsonl"):
        if "app" in path.relative_to(labels_dir).parts[:-1]:
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if '"sha256"' in line:
                    record = json.loads(line)
                    done.add((record["article"], record["index"]))
    return done


def create_app(settings: ServeSettings) -> Starlette:
    """The web app for `settings` (checked here)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    settings = settings.checked()
    state = _State(settings)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html", "j2"]))

    def page(name: str, **context) -> HTMLResponse:
        html = templates.get_template(name).render(labels=state.labels, **context)
        return HTMLResponse(html, headers={"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff"})

    async def digest_page(request: Request) -> Response:
        return page("digest.html.j2", active="digest")

    async def queue_page(request: Request) -> Response:
        return page("queue.html.j2", active="queue", corpus=str(settings.corpus or ""))

    async def report_page(request: Request) -> Response:
        return page("report.html.j2", active="report", folders=[str(d) for d in settings.data])

    async def agreement_page(request: Request) -> Response:
        return page("agreement.html.j2", active="agreement")

    async def api_labels(request: Request) -> Response:
        return JSONResponse({"labels": state.labels})

    async def api_digest(request: Request) -> Response:
        from tongket.pipeline import analyse_batch
        from tongket.summarise.digest import build_digest
        from tongket.text.read import read_bytes

        _check_origin(request)
        _check_length(request, settings.max_upload)
        form = await request.form(max_files=10, max_fields=10, max_part_size=settings.max_upload)
        uploads = []
        for upload in form.getlist("files"):
            if not hasattr(upload, "read"):
                continue
            name = Path(upload.filename or "bai.txt").name
            if not name.lower().endswith(_UPLOAD_SUFFIXES):
                raise HTTPException(415, f"{name}: only .txt, .html and .docx files can be read")
            data = await upload.read(settings.max_upload + 1)
            if len(data) > settings.max_upload:
                raise HTTPException(413, f"{name}: larger than {settings.max_upload} bytes")
            uploads.append((data, name))
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            uploads.append((text.encode("utf-8"), "bai-dan.txt"))
        if not uploads:
            raise HTTPException(400, "paste an article or choose a file")
        results, errors = [], []
        for data, name in uploads:
            try:
                article = analyse_batch([read_bytes(data, name)], state.model)[0]
            except TongketError as error:
                errors.append(str(error))
                continue
            key = state.remember(article)
            results.append({"key": key, "name": name, "article": _article_json(article), "digest": build_digest(article).to_dict()})
        return JSONResponse({"articles": results, "errors": errors})

    async def api_correct(request: Request) -> Response:
        body = await _json(request)
        annotator = _annotator(body)
        label = _label(body, state)
        with state.lock:
            article = state.articles.get(str(body.get("key")))
        if article is None:
            raise HTTPException(404, "this article is no longer in memory; analyse it again")
        paragraph = _pick(article.paragraphs, body.get("paragraph"), "paragraph")
        sentence = body.get("sentence")
        if sentence is None:
            paragraph.label = label
            for item in paragraph.sentences:
                item.label = label
        else:
            _pick(paragraph.sentences, sentence, "sentence").label = label
        record = {"article": f"app-{body['key']}", "index": paragraph.index, "text": " ".join(s.text for s in paragraph.sentences),
                  "label": paragraph.label, "partial": True, "annotator": annotator}
        if len(paragraph.sentences) > 1:
            record["sentences"] = [{"text": s.text, "label": s.label} for s in paragraph.sentences]
        state.store.append(annotator, record, written=True)
        return JSONResponse({"saved": record, "file": str(state.store.path(annotator, written=True))})

    async def api_queue_next(request: Request) -> Response:
        annotator = check_annotator(request.query_params.get("annotator", ""))
        if settings.corpus is None:
            raise HTTPException(409, "start the app with --corpus DIR to label corpus articles")
        if not state.queue or state.stale:
            await _in_thread(state.fill_queue)
        done = labelled_units(record for _, record in state.store.records())
        skipped = state.skipped.get(annotator, set())
        for candidate in list(state.queue):
            if candidate.key not in done and candidate.key not in skipped:
                return JSONResponse({"unit": candidate.to_json(), "left": len(state.queue), "status": state.retrainer.status.to_json()})
        state.queue = []
        return JSONResponse({"unit": None, "left": 0, "status": state.retrainer.status.to_json()})

    async def api_queue_label(request: Request) -> Response:
        from tongket.training.corpus import corpus_units, unit_hash

        body = await _json(request)
        annotator = _annotator(body)
        label = _label(body, state)
        record, index = _pool_unit(state, body)
        line = {"source": state.pool.sources[record["id"]], "article": record["id"], "index": index, "label": label,
                "sha256": unit_hash(corpus_units(record)[index]), "partial": True, "annotator": annotator}
        state.store.append(annotator, line)
        state.retrainer.note_label()
        return JSONResponse({"saved": line, "file": str(state.store.path(annotator))})

    async def api_queue_skip(request: Request) -> Response:
        body = await _json(request)
        annotator = _annotator(body)
        record, index = _pool_unit(state, body)
        state.skipped.setdefault(annotator, set()).add((record["id"], index))
        return JSONResponse({"skipped": [record["id"], index]})

    async def api_queue_undo(request: Request) -> Response:
        body = await _json(request)
        removed = state.store.undo(_annotator(body))
        if removed is not None:
            state.retrainer.note_label(-1)
        return JSONResponse({"removed": removed})

    async def api_status(request: Request) -> Response:
        return JSONResponse(state.retrainer.status.to_json())

    async def api_retrain(request: Request) -> Response:
        await _json(request)
        return JSONResponse({"started": state.retrainer.start(), "status": state.retrainer.status.to_json()})

    async def api_agreement(request: Request) -> Response:
        return JSONResponse(agreement(state.store))

    async def api_report(request: Request) -> Response:
        body = await _json(request)
        folder = _inside(Path(str(body.get("folder", ""))), settings.data)
        title = str(body.get("title") or "Báo cáo tổng hợp")[:200]
        job = secrets.token_hex(8)
        state.jobs[job] = {"state": "running", "done": 0, "total": 0, "files": [], "error": None, "started": time.time()}
        threading.Thread(target=_run_report, args=(state, job, folder, title), daemon=True).start()
        return JSONResponse({"job": job})

    async def api_report_status(request: Request) -> Response:
        job = state.jobs.get(request.path_params["job"])
        if job is None:
            raise HTTPException(404, "no such report")
        return JSONResponse({k: v for k, v in job.items() if k != "paths"})

    async def report_file(request: Request) -> Response:
        job = state.jobs.get(request.path_params["job"])
        name = request.path_params["name"]
        if job is None or name not in job.get("paths", {}):
            raise HTTPException(404, "no such file")
        path = job["paths"][name]
        headers = {"Content-Security-Policy": _REPORT_CSP, "X-Content-Type-Options": "nosniff"}
        return FileResponse(path, headers=headers, filename=None if path.suffix in (".html", ".png") else path.name)

    async def on_error(request: Request, error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return JSONResponse({"error": error.detail}, status_code=error.status_code)
        if isinstance(error, OptionError):
            return JSONResponse({"error": str(error)}, status_code=400)
        if isinstance(error, TongketError):
            return JSONResponse({"error": str(error)}, status_code=422)
        logger.exception("unexpected error")
        return JSONResponse({"error": f"{type(error).__name__}: {error}"}, status_code=500)

    routes = [
        Route("/", digest_page),
        Route("/queue", queue_page),
        Route("/report", report_page),
        Route("/agreement", agreement_page),
        Route("/api/labels", api_labels),
        Route("/api/digest", api_digest, methods=["POST"]),
        Route("/api/correct", api_correct, methods=["POST"]),
        Route("/api/queue/next", api_queue_next),
        Route("/api/queue/label", api_queue_label, methods=["POST"]),
        Route("/api/queue/skip", api_queue_skip, methods=["POST"]),
        Route("/api/queue/undo", api_queue_undo, methods=["POST"]),
        Route("/api/status", api_status),
        Route("/api/retrain", api_retrain, methods=["POST"]),
        Route("/api/agreement", api_agreement),
        Route("/api/report", api_report, methods=["POST"]),
        Route("/api/report/{job}", api_report_status),
        Route("/files/{job}/{name}", report_file),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: on_error, HTTPException: on_error})
    app.state.tongket = state
    return app


def _article_json(article) -> dict:
    return {
        "id": article.id, "title": article.title,
        "paragraphs": [
            {"index": p.index, "label": p.label, "scores": p.scores,
             "sentences": [{"index": s.index, "text": s.text, "label": s.label, "scores": s.scores} for s in p.sentences]}
            for p in article.paragraphs
        ],
    }


def agreement(store: LabelStore) -> dict:
    """Pairwise agreement and Cohen's κ between annotators, over the corpus units both labelled."""
    from sklearn.metrics import cohen_kappa_score

    by_annotator: dict[str, dict[tuple[str, int], str]] = {}
    for annotator, record in store.records():
        by_annotator.setdefault(annotator, {})[(record["article"], record["index"])] = record["label"]
    names = sorted(by_annotator)
    pairs = []
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            shared = sorted(set(by_annotator[first]) & set(by_annotator[second]))
            a = [by_annotator[first][k] for k in shared]
            b = [by_annotator[second][k] for k in shared]
            agree = sum(x == y for x, y in zip(a, b)) / len(shared) if shared else None
            kappa = (float(cohen_kappa_score(a, b)) if len(set(a) | set(b)) > 1 else 1.0) if shared else None
            pairs.append({"first": first, "second": second, "units": len(shared), "agreement": agree, "kappa": kappa,
                          "disagreements": [{"article": k[0], "index": k[1], first: x, second: y}
                                            for k, x, y in zip(shared, a, b) if x != y][:50]})
    return {"annotators": {n: len(by_annotator[n]) for n in names}, "pairs": pairs}


def _run_report(state: _State, job: str, folder: Path, title: str) -> None:
    from tongket.report.options import ReportOptions
    from tongket.report.run import write_report

    record = state.jobs[job]
    output = state.settings.state / "reports" / job / "bao-cao.html"
    output.parent.mkdir(parents=True, exist_ok=True)

    def progress(done: int, total: int) -> None:
        record["done"], record["total"] = done, total

    try:
        options = ReportOptions(title=title, model=state.settings.model, cache_dir=state.settings.state / "cache",
                                exports=["xlsx"], jobs=1)
        summary = write_report([folder], output, options, progress)
        docx = write_report([folder], output.with_suffix(".docx"), options)
        files = [*summary.files, *docx.files, output.with_suffix(".xlsx")]
        record["paths"] = {path.name: path for path in files if path.is_file()}
        record["files"] = sorted(record["paths"])
        record["summary"] = {"read": summary.read, "in_report": summary.in_report, "set_aside": summary.set_aside,
                             "skipped": len(summary.skipped)}
        record["state"] = "done"
    except Exception as error:  # shown on the page; the app stays up
        record["state"], record["error"] = "failed", f"{type(error).__name__}: {error}" if not isinstance(error, TongketError) else str(error)


async def _in_thread(function) -> None:
    from starlette.concurrency import run_in_threadpool

    await run_in_threadpool(function)


def _check_origin(request: Request) -> None:
    """Refuse requests a page from another site made the browser send (the app writes files)."""
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != f"{request.url.scheme}://{request.url.netloc}":
        raise HTTPException(403, "requests from another origin are refused")


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(411, "the upload must say its length")
    if int(length) > limit + 64_000:  # room for the form's own fields
        raise HTTPException(413, f"upload larger than {limit} bytes")


async def _json(request: Request) -> dict:
    _check_origin(request)
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send JSON (Content-Type: application/json)")
    _check_length(request, 100_000)
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "broken JSON") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "expected a JSON object")
    return body


def _annotator(body: dict) -> str:
    try:
        return check_annotator(body.get("annotator", ""))
    except OptionError as error:
        raise HTTPException(400, str(error)) from None


def _label(body: dict, state: _State) -> str:
    label = body.get("label")
    names = [item["name"] for item in state.labels]
    if label not in names:
        raise HTTPException(400, f"unknown label {label!r}; expected one of {', '.join(names)}")
    return label


def _pick(items: list, index: object, what: str):
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(items):
        raise HTTPException(400, f"no such {what}")
    return items[index]


def _pool_unit(state: _State, body: dict) -> tuple[dict, int]:
    """The corpus record and unit index a request names, if the unit is in the app's pool (never the client's text)."""
    from tongket.training.corpus import corpus_units

    record = state.pool.by_id.get(body.get("article")) if state.pool is not None else None
    index = body.get("index")
    if record is None or not isinstance(index, int) or index not in corpus_units(record):
        raise HTTPException(404, "this unit is not in the labelling pool")
    return record, index


def _inside(path: Path, roots: list[Path]) -> Path:
    """`path` resolved, if it lies inside one of `roots`; a request can never reach beyond them."""
    resolved = (roots[0] / path).resolve() if not path.is_absolute() else path.resolve()
    if not any(resolved == root or resolved.is_relative_to(root) for root in roots):
        raise HTTPException(403, f"{path} is outside the folders this app may read")
    if not resolved.exists():
        raise HTTPException(404, f"{path} does not exist")
    return resolved
