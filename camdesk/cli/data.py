"""Data in and out from the command line: ``camdesk import``, ``export`` and ``dedupe``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from camdesk.cli.common import Add, ProgressBar, UsageError, open_db


def add_commands(add: Add) -> None:
    command = add("import", cmd_import,
                  "import customers, orders, interactions or survey answers from a file")  # fmt: skip
    command.add_argument("file", type=Path, help=".xlsx, .xls or .csv")
    command.add_argument("--kind", choices=["customers", "contacts", "orders", "interactions",
                                            "responses"], default="customers")  # fmt: skip
    command.add_argument("--survey", help="survey answers: the survey of rows that name none "
                                          "(created if it does not exist)")  # fmt: skip
    command.add_argument("--sheet", help="the sheet to read (default: the first)")
    command.add_argument("--mapping", type=Path,
                         help='JSON file {"header": "field", ...} (default: guessed)')  # fmt: skip
    command.add_argument("--on-match", choices=["fill", "update", "skip", "new"], default="fill",
                         help="rows matching a customer by code, mobile or email: fill only "
                              "what the file leaves empty (default), update (overwrite), skip, "
                              "or import as new")  # fmt: skip
    command.add_argument("--create-missing-customers", action="store_true",
                         help="orders/interactions without a customer create one")  # fmt: skip
    command.add_argument("--all-or-nothing", action="store_true",
                         help="import nothing if any row has a problem")  # fmt: skip
    command.add_argument("--owners", choices=["create", "empty", "refuse"], default="empty",
                         help="owners who are not users: create them, import the customers "
                              "without an owner (default), or refuse those rows")  # fmt: skip
    command.add_argument("--strict", action="store_true",
                         help="a bad cell refuses its row (default: the row is imported "
                              "without that value, which is reported)")  # fmt: skip
    command.add_argument("--errors", type=Path, help="write rejected rows to this .xlsx")
    command.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    command.add_argument("--progress", action="store_true", help="show progress when not a tty")
    export = add("export", cmd_export, "export customers, orders or the change log")
    export.add_argument("file", type=Path, help=".xlsx or .csv (by its suffix)")
    export.add_argument("--kind", choices=["customers", "orders", "changes"], default="customers")
    export.add_argument("--query", default="", help="only the customers this search finds")
    export.add_argument(
        "--layout",
        choices=["camdesk", "zoho", "fxiaoke"],
        default="camdesk",
        help="columns as camdesk, Zoho CRM or FxiaoKe (纷享销客) import them",
    )
    export.add_argument("--language", choices=["zh", "en"], default="zh",
                        help="headers and words of the file (default: zh, Chinese)")  # fmt: skip
    dedupe = add("dedupe", cmd_dedupe, "list groups of likely duplicate customers")
    dedupe.add_argument("--json", action="store_true", help="one JSON object per group")
    dedupe.add_argument("--limit", type=int, default=100, help="groups to print (0: all)")


def cmd_import(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.data.imports.customers import (
        ImportOptions,
        ImportRefused,
        OnMatch,
        OwnerPolicy,
    )
    from camdesk.services.data.imports.fields import ImportKind, guess_mapping
    from camdesk.services.data.imports.kinds import importer
    from camdesk.services.data.imports.peers import keep_other_columns
    from camdesk.services.data.sheets import read_table

    kind = ImportKind(args.kind)
    if not args.dry_run:  # a database that can only be read is refused before the file is read
        from camdesk import errors

        db = open_db(args, create=True, quiet=True)
        reason = db.read_only
        db.close()
        if reason is not None:
            raise errors.DatabaseReadOnly(reason, path=db.display_name)
    table = read_table(args.file, args.sheet)
    if args.mapping:
        mapping = _mapping(args.mapping, table.headers)
    else:
        mapping = guess_mapping(table.headers, kind)
        if kind is ImportKind.CUSTOMERS:  # the other columns become fields of their own
            mapping = keep_other_columns(table.headers, table.rows, mapping)
    if not mapping:
        raise UsageError("no column matches a field; give --mapping")
    for header, field in mapping.items():
        print(f"  {header} -> {field}", file=sys.stderr)
    options = ImportOptions(kind=kind, mapping=mapping, on_match=OnMatch(args.on_match),
                            create_missing=args.create_missing_customers,
                            all_or_nothing=args.all_or_nothing, dry_run=args.dry_run,
                            owners=OwnerPolicy(args.owners), strict=args.strict,
                            survey=args.survey or "", source=args.file.name)  # fmt: skip
    db = open_db(args, create=True, quiet=True)
    started = time.perf_counter()
    bar = ProgressBar("import", enabled=sys.stderr.isatty() or args.progress)
    try:
        report = importer(kind)(db, table, options, local_actor(db), progress=bar)
        refused = None
    except ImportRefused as exc:
        report, refused = exc.report, exc
    finally:
        bar.finish()
        db.close()
    for name, count in sorted(report.unknown_owners.items()):
        fate = {"create": "created as a user", "empty": "imported without an owner",
                "refuse": "refused"}[args.owners]  # fmt: skip
        print(f"warning: owner {name!r} is not a user ({count:,} rows {fate}; "
              f"--owners create|empty|refuse)", file=sys.stderr)  # fmt: skip
    for problem in sorted(report.problems, key=lambda p: p.row)[:50]:
        column = f" [{problem.column}]" if problem.column else ""
        print(f"row {problem.row}{column}: {problem.text()}", file=sys.stderr)
    if len(report.problems) > 50:
        print(f"... and {len(report.problems) - 50} more problems", file=sys.stderr)
    verb = "would change" if args.dry_run else "changed"
    for change in report.field_changes[:50]:
        print(f"row {change.row}: {verb} {change.customer}'s {change.field}: "
              f"{_shown(change.old)} -> {_shown(change.new)}", file=sys.stderr)  # fmt: skip
    if len(report.field_changes) > 50:
        print(f"... and {len(report.field_changes) - 50} more changes", file=sys.stderr)
    if args.errors and report.problems:
        from camdesk.services.data.imports.rejected import write_error_workbook

        count = write_error_workbook(table, report, args.errors)
        print(f"{count:,} rejected rows written to {args.errors}", file=sys.stderr)
    if refused is not None:
        print(f"camdesk: {refused.text()}", file=sys.stderr)
    sys.stderr.flush()
    extra = [f"{report.created_customers:,} customers created"] if report.created_customers else []
    if report.dropped_values:
        extra.append(f"{report.dropped_values:,} values left out")
    if report.skipped:
        extra.append(f"{report.skipped:,} skipped")
    if args.dry_run:
        extra.append("dry run: nothing written")
    elif refused is not None:
        extra.append("nothing written")
    print(f"{report.rows:,} rows: {report.created:,} new, {report.updated:,} updated, "
          f"{report.unchanged:,} unchanged, {report.rejected:,} refused"
          + "".join(f", {e}" for e in extra)
          + f" ({time.perf_counter() - started:.1f}s)", flush=True)  # fmt: skip
    return 1 if refused is not None or report.rejected else 0


def _shown(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def cmd_export(args: argparse.Namespace) -> int:
    from camdesk.services.data.export import export_changes, export_customers, export_orders
    from camdesk.services.data.export_layouts import export_layout
    from camdesk.services.lists.rows import ListQuery

    if args.file.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError("the file must end in .xlsx or .csv")
    if args.query and args.kind != "customers":
        raise UsageError("--query applies to customers only")
    if args.layout != "camdesk" and args.kind != "customers":
        raise UsageError("--layout applies to customers only")
    db = open_db(args)
    started = time.perf_counter()
    also = ""
    try:
        if args.kind == "customers":
            query = ListQuery(search=args.query)
            if args.layout == "camdesk":
                result = export_customers(db, args.file, query, language=args.language)
            else:  # a file Zoho CRM or FxiaoKe imports
                result = export_layout(db, args.file, args.layout, query)
            count = result.customers
            if result.contacts:  # on a sheet of their own, or (CSV) in a file of their own
                where = f" ({result.files[-1]})" if len(result.files) > 1 else ""
                also = f" and {result.contacts:,} contacts{where}"
        elif args.kind == "orders":
            count = export_orders(db, args.file)
        else:
            count = export_changes(db, args.file)
    finally:
        db.close()
    seconds = time.perf_counter() - started
    print(f"{count:,} {args.kind}{also} written to {args.file} in {seconds:.1f}s")
    return 0


def cmd_dedupe(args: argparse.Namespace) -> int:
    from camdesk.services.data.dedupe import find_duplicates

    if args.limit < 0:
        raise UsageError("--limit must not be negative")
    db = open_db(args)
    started = time.perf_counter()
    try:
        groups = find_duplicates(db)
    finally:
        db.close()
    shown = groups[: args.limit] if args.limit else groups
    for group in shown:
        if args.json:
            print(json.dumps({"score": group.score, "reasons": list(group.reasons),
                              "ids": [str(i) for i in group.ids], "names": list(group.names)},
                             ensure_ascii=False))  # fmt: skip
        else:
            print(f"{group.score:3d}  {'/'.join(group.reasons):<22} {', '.join(group.names)}")
    print(f"{len(groups):,} groups of likely duplicates in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)  # fmt: skip
    return 0


def _mapping(path: Path, headers: tuple[str, ...]) -> dict[str, str]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read the mapping {path}: {exc}") from None
    if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
        raise UsageError(f'{path} must hold one JSON object {{"header": "field"}}')
    unknown = [h for h in loaded if h not in headers]
    if unknown:
        raise UsageError(f"the mapping names columns the file lacks: {', '.join(unknown)}")
    return {str(k): str(v) for k, v in loaded.items()}
