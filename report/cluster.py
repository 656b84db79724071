"""The batch on a Dask cluster: the same chunk function, run by workers that write digests as Parquet partitions.

`tongket report … --engine dask --scheduler tcp://HOST:8786` sends chunks of articles to the cluster; each
worker digests a chunk with the model at the given path (which every worker must be able to read, as it
must read the cache folder) and writes the digests to `<cache>/partitions/part-<first article>.parquet`.
Only small (order, key, error) records travel back, so the driver's memory does not grow with the digests,
and a rerun or a resumed run finds the partitions already written. `--scheduler local` starts a
`LocalCluster` of worker processes on this machine.

Needs `pip install 'tongket[dask]'`.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

from tongket.text.errors import OptionError

__all__ = ["dask_results", "PartitionStore", "write_partition", "IN_FLIGHT"]

IN_FLIGHT = 64
_INSTALL = "the dask engine needs: pip install 'tongket[dask]'"


def _imports():
    try:
        import pyarrow  # noqa: F401
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise OptionError(_INSTALL) from None
    return Client, LocalCluster, as_completed


def write_partition(chunk: list[tuple[int, str, dict]], model: str, folder: str) -> list[tuple[int, str, None, str | None]]:
    """Worker: digest a chunk, write the digests as one Parquet file, return (order, key, None, error) per article."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tongket.report.batch import digest_chunk

    results = digest_chunk(chunk, model)
    done = [(key, json.dumps(digest, ensure_ascii=False)) for _, key, digest, _ in results if digest is not None]
    if done:
        path = Path(folder) / f"part-{chunk[0][0]:09d}-{chunk[0][1][:12]}.parquet"
        table = pa.table({"key": [k for k, _ in done], "digest": [d for _, d in done]})
        pq.write_table(table, path.with_suffix(".tmp"))
        path.with_suffix(".tmp").replace(path)  # a killed worker never leaves half a partition behind
    return [(order, key, None, error) for order, key, _, error in results]


def dask_results(chunks: Iterable[list[tuple[int, str, dict]]], model: str, scheduler: str | None, folder: Path) -> Iterator[tuple]:
    """Run `write_partition` over the chunks on the cluster, at most `IN_FLIGHT` at a time, yielding results as they finish."""
    Client, LocalCluster, as_completed = _imports()
    folder.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    client = Client(cluster if cluster is not None else scheduler)
    try:
        iterator = iter(chunks)
        pending = as_completed()
        for chunk in _take(iterator, IN_FLIGHT):
            pending.add(client.submit(write_partition, chunk, model, str(folder), pure=False))
        for future in pending:
            yield from future.result()
            future.release()
            for chunk in _take(iterator, 1):
                pending.add(client.submit(write_partition, chunk, model, str(folder), pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(iterator: Iterator, n: int) -> list:
    taken = []
    for _ in range(n):
        try:
            taken.append(next(iterator))
        except StopIteration:
            break
    return taken


class PartitionStore:
    """Digests in Parquet partitions, found by key: each file's key column is read once, files are loaded on demand
    and only the last few stay in memory, so streaming a report reads every partition about once."""

    def __init__(self, folder: Path, keep: int = 4) -> None:
        self.folder = folder
        self._where: dict[str, Path] = {}
        self._loaded: OrderedDict[Path, dict[str, str]] = OrderedDict()
        self._keep = keep
        self._seen: set[Path] = set()
        self.refresh()

    def refresh(self) -> None:
        """Index partitions written since the last look."""
        if not self.folder.is_dir():
            return
        import pyarrow.parquet as pq

        for path in sorted(self.folder.glob("part-*.parquet")):
            if path not in self._seen:
                for key in pq.read_table(path, columns=["key"]).column("key").to_pylist():
                    self._where[key] = path
                self._seen.add(path)

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def get(self, key: str) -> dict | None:
        path = self._where.get(key)
        if path is None:
            return None
        if path not in self._loaded:
            import pyarrow.parquet as pq

            table = pq.read_table(path)
            self._loaded[path] = dict(zip(table.column("key").to_pylist(), table.column("digest").to_pylist()))
            if len(self._loaded) > self._keep:
                self._loaded.popitem(last=False)
        self._loaded.move_to_end(path)
        return json.loads(self._loaded[path][key])

    def __len__(self) -> int:
        return len(self._where)
