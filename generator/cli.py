"""Command line: argument parsing only; the work is in build.py and serve.py."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

from .build import BuildError, build
from .registry import RegistryError, load_registry
from .settings import Settings, SettingsError, check_mkdocs_config, load_settings

EXIT_OK, EXIT_ERROR, EXIT_STRICT = 0, 1, 3


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--sources", dest="sources_dir", help="folder of raw sources (default: extra.sourcebook.sources, else seeds/)")
    parser.add_argument("--docs-dir", help="where to write the generated Markdown (default: mkdocs.yml docs_dir)")
    parser.add_argument("--site-dir", help="where MkDocs writes the site (default: mkdocs.yml site_dir)")
    parser.add_argument("--registry", dest="registry_file", help="editor's entity registry (YAML)")
    parser.add_argument("--cache-dir", help="where per-source work is kept between builds (default: .sourcebook-cache/)")
    parser.add_argument("--no-cache", action="store_true", help="redo all per-source work")
    parser.add_argument("-q", "--quiet", action="store_true", default=None, help="only warnings and errors")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and per-stage timings")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sourcebook", description="Publish a folder of raw news sources as a cross-linked site.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate the pages and build the site")
    _common(b)
    b.add_argument("--no-mkdocs", dest="run_mkdocs", action="store_false", default=None,
                   help="write docs/ only, do not run MkDocs")
    b.add_argument("--strict", action="store_true", default=None,
                   help="exit non-zero when any file could not be published")
    s = sub.add_parser("serve", help="build, serve locally, rebuild when sources change")
    _common(s)
    s.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    # --- add (generator/add.py) ---
    a = sub.add_parser("add", help="copy files or fetch http(s) pages into the sources folder")
    a.add_argument("items", nargs="+", metavar="PATH_OR_URL", help="files to copy or http(s) URLs to fetch")
    a.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    a.add_argument("--sources", dest="sources_dir", help="folder of raw sources (default: from mkdocs.yml)")
    a.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a page (default 20)")
    a.add_argument("-q", "--quiet", action="store_true", default=None, help="only errors")
    a.add_argument("--debug", action="store_true", help="show tracebacks and per-stage timings")
    a.set_defaults(no_cache=False)
    return parser


def _settings(args) -> Settings:
    overrides = {k: getattr(args, k, None) for k in
                 ("sources_dir", "docs_dir", "site_dir", "registry_file", "cache_dir", "quiet",
                  "run_mkdocs", "strict")}
    settings = load_settings(args.config_file, **overrides)
    return replace(settings, cache_dir=None) if args.no_cache else settings


def _check_before_building(settings: Settings) -> None:
    """Configuration problems surface in seconds, not after every source was read."""
    if settings.registry_file:
        load_registry(settings.registry_file)
    if settings.run_mkdocs:
        check_mkdocs_config(settings)


def _configure_logging(quiet: bool, debug: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    for name in ("sourcebook", "mkdocs"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
    level = logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO
    logging.getLogger("sourcebook").setLevel(level)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    # jieba (used by the search plugin for Chinese) announces its dictionary
    # loading at INFO level on every build.
    logging.getLogger("jieba").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    _configure_logging(bool(args.quiet), bool(getattr(args, "debug", False)))
    try:
        settings = _settings(args)
        if args.command == "add":
            from .add import run_add
            return run_add(args, settings)
        _check_before_building(settings)
        if args.command == "serve":
            from .serve import serve
            serve(settings, args.dev_addr)
            return EXIT_OK
        result = build(settings)
    except (BuildError, SettingsError, RegistryError) as exc:
        if args.debug:
            raise
        print(f"sourcebook: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("sourcebook: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for users, traceback with --debug
        if args.debug:
            raise
        print(f"sourcebook: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR
    if settings.strict and result.corpus.skipped:
        print(f"sourcebook: --strict: {len(result.corpus.skipped)} files not published", file=sys.stderr)
        return EXIT_STRICT
    return EXIT_OK


def run() -> None:
    """The command-line entry point: ``main``, then exit without tearing down the heap.

    A build of thousands of sources leaves a large heap whose object-by-object
    teardown at interpreter exit adds a quarter of a second to every command;
    nothing is left to clean up once output is flushed and logging is shut down.
    """
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)           # a profiler or coverage tool writes its results at a normal exit
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
