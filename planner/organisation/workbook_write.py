"""Write the baseline workbook (layout in :mod:`planner.organisation.workbook`)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from planner.models import Obligation, Question, QuestionType
from planner.organisation.model import REQUIRED_FIELDS, STATE_FIELDS, State
from planner.organisation.workbook import (
    CAPACITY_CELL,
    FIXED_TIME,
    INPUT_FIELDS,
    NAME_CELL,
    QUESTION_COLUMNS,
    STATUS_COLUMNS,
    STATUS_HEADER_ROW,
    WIDTHS,
    ZIP_TIME,
    sheet_name,
    state_label,
    word,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from planner.catalogue import Catalogue

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a text as a formula when it is edited."""
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def answer_label(lang: str, question: Question, answer: Any) -> str | int | float:
    """An answer as the drop-down shows it: yes/no, the choice's text, or the number."""
    if question.type is QuestionType.BOOL:
        return word(lang, "yes" if answer else "no")
    if question.type is QuestionType.CHOICE:
        return next((c.text.get(lang) for c in question.choices if c.id == answer), str(answer))
    return int(answer) if isinstance(answer, float) and answer.is_integer() else answer


def inert(value: str) -> str:
    """Catalogue text safe for a cell: characters XML cannot hold are shown escaped."""
    return _ILLEGAL.sub(lambda m: repr(m.group())[1:-1], value)


def put(sheet: Worksheet, row: int, col: int, value: Any, *, wrap: bool = False) -> None:
    """Write one cell; a text is always text (never a formula, quote-prefixed if it looks like one)."""
    from openpyxl.styles import Alignment

    cell = sheet.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = inert(value)
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")


def assess_workbook(cat: Catalogue, layer: str, lang: str = "nl", file_name: str = "baseline.xlsx") -> bytes:
    """The baseline workbook of one layer, as the bytes of an .xlsx file.

    Args:
        cat: the catalogue.
        layer: a layer id of the catalogue.
        lang: ``nl`` or ``en``.
        file_name: the name the instructions use in the command that reads the workbook back.

    Example:
        >>> from pathlib import Path
        >>> from planner.loading import load_catalogue
        >>> assess_workbook(load_catalogue(Path("tests/data/minimal")), "gemeenten")[:2]
        b'PK'
    """
    from openpyxl import Workbook

    book = Workbook()
    lists = Lists(lang)
    instructions = book.active
    assert instructions is not None
    instructions.title = sheet_name(lang, "instructions")
    write_instructions(instructions, cat, layer, lang, file_name)
    write_questions(book.create_sheet(sheet_name(lang, "questions")), cat, layer, lang, lists)
    write_status(book.create_sheet(sheet_name(lang, "status")), cat, layer, lang, lists)
    lists.write(book.create_sheet(sheet_name(lang, "lists")))
    for sheet in book.worksheets:
        fit_rows(sheet)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = word(lang, "title", layer=cat.layers[layer].name.get(lang))
    book.properties.creator = "planner"
    book.properties.created = book.properties.modified = FIXED_TIME
    return fixed_bytes(book)


INPUT_COLOUR, HEADER_COLOUR = "FFF2CC", "D9D9D9"
"""Cells to fill in are pale yellow; headers of the other columns grey."""
LINE_HEIGHT = 15
"""Points per line of wrapped text (the default font at 11 points)."""


def fit_rows(sheet: Worksheet) -> None:
    """Give each row with wrapped text the height its longest cell needs.

    Spreadsheets do not all fit rows to wrapped text when they open a file, so the heights are
    set here, from the column widths (about one character per unit of width).
    """
    from openpyxl.utils import get_column_letter

    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                width = sheet.column_dimensions[get_column_letter(cell.column)].width or 10
                per_line = max(int(width * 1.2) - 2, 1)
                parts = cell.value.split("\n")
                lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in parts))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(LINE_HEIGHT * lines, 409)


def fixed_bytes(book: Any) -> bytes:
    """The workbook saved, its zip members stamped with a fixed date."""
    from openpyxl.writer.excel import ExcelWriter

    saved = io.BytesIO()
    # ExcelWriter, not save_workbook: the latter stamps the document with the time of saving
    ExcelWriter(book, zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


class Lists:
    """The drop-down lists of a workbook, kept on a hidden sheet so no catalogue text is a formula."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.columns: list[list[str]] = [[state_label(lang, s) for s in State]]
        self.columns.append([word(lang, "yes"), word(lang, "no")])

    def ref(self, index: int) -> str:
        """The formula of the list in column `index` (0-based) of the lists sheet."""
        from openpyxl.utils import get_column_letter, quote_sheetname

        letter = get_column_letter(index + 1)
        name = quote_sheetname(sheet_name(self.lang, "lists"))
        return f"{name}!${letter}$1:${letter}${len(self.columns[index])}"

    def add(self, values: list[str]) -> int:
        """Add a list; returns its column index."""
        self.columns.append(values)
        return len(self.columns) - 1

    def write(self, sheet: Worksheet) -> None:
        """Fill the (hidden) lists sheet."""
        for col, values in enumerate(self.columns, start=1):
            for row, value in enumerate(values, start=1):
                put(sheet, row, col, value)
        sheet.sheet_state = "hidden"


VALIDATIONS = {
    "list": ("list", None, "prompt_list"),
    "date": ("date", "greaterThanOrEqual", "prompt_date"),
    "percent": ("whole", "between", "prompt_percent"),
    "count": ("whole", "greaterThanOrEqual", "prompt_number"),
    "capacity": ("decimal", "greaterThan", "prompt_capacity"),
}
"""Per kind of input cell: the validation type, its operator and the prompt's word."""


def validation(lang: str, kind: str, formula1: str, formula2: str | None = None) -> Any:
    """A data validation of `kind` (see :data:`VALIDATIONS`) with its prompt and error in `lang`."""
    from openpyxl.worksheet.datavalidation import DataValidation

    check, operator, prompt = VALIDATIONS[kind]
    made = DataValidation(
        type=check, operator=operator, formula1=formula1, formula2=formula2, allow_blank=True
    )
    made.promptTitle, made.prompt = word(lang, "prompt_title"), word(lang, prompt)
    made.errorTitle, made.error = word(lang, "error_title"), word(lang, prompt)
    made.showInputMessage = made.showErrorMessage = True
    return made


def shade(cell: Any) -> None:
    """Mark a cell as one to fill in."""
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=INPUT_COLOUR)


def header(sheet: Worksheet, row: int, columns: tuple[str, ...], lang: str, inputs: set[str]) -> None:
    """A bold header row, input columns shaded, with the column widths."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for col, name in enumerate(columns, start=1):
        put(sheet, row, col, word(lang, f"col_{name}"), wrap=True)
        cell = sheet.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=INPUT_COLOUR if name in inputs else HEADER_COLOUR)
        sheet.column_dimensions[get_column_letter(col)].width = WIDTHS[name]


def write_instructions(sheet: Worksheet, cat: Catalogue, layer: str, lang: str, file_name: str) -> None:
    """What to fill in where, and the fields each state takes."""
    from openpyxl.styles import Font

    name = cat.layers[layer].name.get(lang)
    status, questions = sheet_name(lang, "status"), sheet_name(lang, "questions")
    read = f"planner roadmap {layer} --organisation {file_name}"
    lines = [
        word(lang, "title", layer=name),
        word(lang, "intro", layer=name),
        word(lang, "step_name", sheet=status),
        word(lang, "step_questions", sheet=questions, column=word(lang, "col_answer")),
        word(lang, "step_states", sheet=status, column=word(lang, "col_state")),
        word(lang, "step_read", command=read),
        word(lang, "states_heading"),
        *(f"{state_label(lang, s)}: {state_fields(lang, s)}" for s in State),
        word(lang, "made_with", command=f"planner assess {layer} --lang {lang} -o {file_name}"),
    ]
    for row, line in enumerate(lines, start=1):
        put(sheet, row, 1, line, wrap=True)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet[f"A{7}"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 100


def state_fields(lang: str, state: State) -> str:
    """The columns a state takes, the required ones marked."""
    fields = [f for f in INPUT_FIELDS if f in STATE_FIELDS[state]]
    required = REQUIRED_FIELDS.get(state, frozenset())
    named = [
        word(lang, "required", field=word(lang, f"col_{f}")) if f in required else word(lang, f"col_{f}")
        for f in fields
    ]
    return ", ".join(named) or word(lang, "takes_nothing")


def write_questions(sheet: Worksheet, cat: Catalogue, layer: str, lang: str, lists: Lists) -> None:
    """One question a row: id, text, type, the layer's default with its rationale, the answer."""
    header(sheet, 1, QUESTION_COLUMNS, lang, {"answer"})
    answer_col = QUESTION_COLUMNS.index("answer") + 1
    yes_no = validation(lang, "list", lists.ref(1))
    number = validation(lang, "count", "0")
    checks = [yes_no, number]
    for row, question in enumerate(cat.questions.values(), start=2):
        text = question.text.get(lang)
        if question.unit is not None:
            text = f"{text} ({question.unit.get(lang)})"
        if question.help is not None:
            text = f"{text}\n{question.help.get(lang)}"
        default = question.defaults.get(layer)
        cells = [
            question.id,
            text,
            word(lang, f"type_{question.type.value}"),
            word(lang, "no_default") if default is None else answer_label(lang, question, default.answer),
            "" if default is None else default.rationale.get(lang),
        ]
        for col, value in enumerate(cells, start=1):
            put(sheet, row, col, value, wrap=True)
        target = sheet.cell(row=row, column=answer_col).coordinate
        shade(sheet[target])
        if question.type is QuestionType.BOOL:
            yes_no.add(target)
        elif question.type is QuestionType.NUMBER:
            number.add(target)
        else:
            own = validation(lang, "list", lists.ref(lists.add([c.text.get(lang) for c in question.choices])))
            own.add(target)
            checks.append(own)
    for check in checks:
        if check.sqref:
            sheet.add_data_validation(check)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=max(sheet.max_row, 2), column=answer_col).coordinate}"


def obligation_cells(cat: Catalogue, ob: Obligation, lang: str) -> list[Any]:
    """The fixed columns of an obligation's row: id, act, title, due date and nature."""
    act = cat.acts[ob.act]
    nature = ""
    if ob.nature is not None:
        period = word(lang, f"period_{ob.recurrence.every.value}") if ob.recurrence else ""
        nature = word(lang, f"nature_{ob.nature.value}", period=period)
    short = act.short.get(lang) if act.short is not None else act.title.get(lang)
    return [ob.id, short, ob.title.get(lang), cat.due(ob), nature]


def write_status(sheet: Worksheet, cat: Catalogue, layer: str, lang: str, lists: Lists) -> None:
    """The organisation's name and capacity, then every duty of the layer with its state to choose."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    top = cat.layers[layer]
    days = top.capacity_days
    hint = word(lang, "capacity_unlimited") if days is None else word(lang, "capacity_default", days=days)
    for row, (label, value, note) in enumerate(
        [
            (word(lang, "organisation"), "", word(lang, "name_hint")),
            (word(lang, "layer"), layer, top.name.get(lang)),
            (word(lang, "capacity"), None, hint),
        ],
        start=1,
    ):
        put(sheet, row, 1, label)
        sheet.cell(row=row, column=1).font = Font(bold=True)
        put(sheet, row, 2, value)
        put(sheet, row, 3, note)
    for cell in (NAME_CELL, CAPACITY_CELL):
        shade(sheet[cell])
    capacity = validation(lang, "capacity", "0")
    capacity.add(CAPACITY_CELL)
    sheet.add_data_validation(capacity)

    header(sheet, STATUS_HEADER_ROW, STATUS_COLUMNS, lang, {"state", *INPUT_FIELDS})
    first = STATUS_HEADER_ROW + 1
    obligations = cat.obligations_for(layer)
    last = first + max(len(obligations), 1) - 1
    for row, ob in enumerate(obligations, start=first):
        for col, value in enumerate(obligation_cells(cat, ob, lang), start=1):
            put(sheet, row, col, value, wrap=isinstance(value, str))
    column = {name: get_column_letter(i) for i, name in enumerate(STATUS_COLUMNS, start=1)}
    for name, check in (
        ("state", validation(lang, "list", lists.ref(0))),
        ("since", validation(lang, "date", "1")),
        ("percent", validation(lang, "percent", "0", "100")),
        ("until", validation(lang, "date", "1")),
    ):
        check.add(f"{column[name]}{first}:{column[name]}{last}")
        sheet.add_data_validation(check)
    for name in ("state", *INPUT_FIELDS):
        for row in range(first, first + len(obligations)):
            cell = sheet[f"{column[name]}{row}"]
            shade(cell)
            if name in ("since", "until"):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = f"B{first}"
    sheet.auto_filter.ref = f"A{STATUS_HEADER_ROW}:{column['note']}{last}"
