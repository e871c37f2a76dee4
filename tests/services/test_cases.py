"""CaseService: editing the document index by hand (audited, source manual), file integrity, relocating."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from svc_world import World

from review_tool.domain.enums import FileStatus, IndexSource
from review_tool.domain.errors import NotFound, UsageError
from review_tool.services.dto import DocumentDTO
from review_tool.storage.orm import AuditEvent


def _docs(world: World, case_id: int) -> list[DocumentDTO]:
    return world.ws.cases.get(case_id).documents()


def _index(world: World, case_id: int) -> list[tuple[str | None, int, int, IndexSource]]:
    return [(d.doc_type, d.first_page, d.last_page, d.source) for d in _docs(world, case_id)]


def _events(world: World, case_id: int) -> list[AuditEvent]:
    with world.ws.session_factory() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.id)))


B, M = IndexSource.BOOKMARK, IndexSource.MANUAL


@pytest.fixture
def case(world: World) -> int:
    world.as_("甲评")
    return world.add_case("乙大队", ("乙官1",), pages=12, with_file=True)


def test_set_range_trims_and_splits_around_the_new_manual_document(world: World, case: int) -> None:
    file_id = world.ws.cases.get(case).files[0].id
    world.ws.cases.set_range(file_id, 5, 7, "penalty_notice")
    assert _index(world, case) == [("cover", 1, 1, B), ("inquiry_record", 2, 4, B), ("penalty_notice", 5, 7, M),
                                   ("inquiry_record", 8, 12, B)]
    new = _docs(world, case)[2]
    assert new.title and new.type_title == new.title
    world.ws.cases.set_range(file_id, 1, 6, None, title="无法识别的扫描页")  # covers the cover and trims both
    assert _index(world, case) == [(None, 1, 6, M), ("penalty_notice", 7, 7, M), ("inquiry_record", 8, 12, B)]
    assert _docs(world, case)[0].title == "无法识别的扫描页"
    events = _events(world, case)
    assert [e.action for e in events] == ["index_set_range", "index_set_range"]
    assert events[0].actor_id == world.uid("甲评")
    assert events[0].before == {"documents": [
        {"type": "cover", "first": 1, "last": 1, "source": "bookmark"},
        {"type": "inquiry_record", "first": 2, "last": 12, "source": "bookmark"}]}
    assert events[1].after["documents"][0] == {"type": None, "first": 1, "last": 6, "source": "manual"}


def test_bad_index_edits_are_refused_and_change_nothing(world: World, case: int) -> None:
    file_id = world.ws.cases.get(case).files[0].id
    before = _index(world, case)
    for first, last in ((0, 3), (3, 2), (10, 13)):
        with pytest.raises(UsageError):
            world.ws.cases.set_range(file_id, first, last, "cover")
    with pytest.raises(UsageError, match="nosuchtype"):
        world.ws.cases.set_range(file_id, 1, 2, "nosuchtype")
    with pytest.raises(NotFound):
        world.ws.cases.set_range(99999, 1, 2, "cover")
    cover, inquiry = _docs(world, case)
    with pytest.raises(UsageError):
        world.ws.cases.retag(cover.id, "nosuchtype")
    with pytest.raises(UsageError):
        world.ws.cases.split(inquiry.id, 2)  # must start a new document strictly inside
    with pytest.raises(UsageError):
        world.ws.cases.split(inquiry.id, 13)
    with pytest.raises(UsageError):
        world.ws.cases.merge([cover.id])
    with pytest.raises(UsageError):
        world.ws.cases.merge([cover.id, cover.id])
    with pytest.raises(UsageError):
        world.ws.cases.merge([cover.id, 99999])
    for call in (lambda: world.ws.cases.retag(99999, "cover"), lambda: world.ws.cases.split(99999, 3),
                 lambda: world.ws.cases.remove_document(99999)):
        with pytest.raises(NotFound):
            call()
    assert _index(world, case) == before and _events(world, case) == []


def test_retag_split_merge_and_remove_are_manual_and_audited(world: World, case: int) -> None:
    cover, inquiry = _docs(world, case)
    world.ws.cases.retag(cover.id, "contents")
    assert _index(world, case)[0] == ("contents", 1, 1, M)
    inquiry = _docs(world, case)[1]
    world.ws.cases.split(inquiry.id, 6)  # same type
    assert _index(world, case) == [("contents", 1, 1, M), ("inquiry_record", 2, 5, B), ("inquiry_record", 6, 12, M)]
    assert _docs(world, case)[2].title == "询问笔录"  # keeps the title found in the file
    second = _docs(world, case)[2]
    world.ws.cases.split(second.id, 9, doc_type="penalty_notice")
    assert _index(world, case)[2:] == [("inquiry_record", 6, 8, M), ("penalty_notice", 9, 12, M)]
    d = _docs(world, case)
    with pytest.raises(UsageError):  # not adjacent
        world.ws.cases.merge([d[1].id, d[3].id])
    world.ws.cases.merge([d[2].id, d[1].id])  # order does not matter; typed as the first
    assert _index(world, case) == [("contents", 1, 1, M), ("inquiry_record", 2, 8, M), ("penalty_notice", 9, 12, M)]
    d = _docs(world, case)
    world.ws.cases.merge([d[1].id, d[2].id], doc_type="penalty_notice")
    assert _index(world, case) == [("contents", 1, 1, M), ("penalty_notice", 2, 12, M)]
    world.ws.cases.remove_document(_docs(world, case)[0].id)
    assert _index(world, case) == [("penalty_notice", 2, 12, M)]
    events = _events(world, case)
    assert [e.action for e in events] == ["index_set_range"] * 5 + ["index_remove"]
    assert all(e.actor_id == world.uid("甲评") and e.before != e.after for e in events)
    assert events[-1].after == {"documents": [{"type": "penalty_notice", "first": 2, "last": 12,
                                               "source": "manual"}]}


def test_merge_needs_documents_of_one_file(world: World, case: int) -> None:
    other = world.add_case("乙大队", ("乙官1",))
    with pytest.raises(UsageError):
        world.ws.cases.merge([_docs(world, case)[1].id, _docs(world, other)[0].id])


def test_verify_detects_a_changed_or_missing_file_and_records_it(world: World, case: int) -> None:
    detail = world.ws.cases.get(case)
    assert detail.folder is not None and detail.files[0].path is not None
    path = Path(detail.files[0].path)
    assert [c.status for c in world.ws.cases.verify(case)] == [FileStatus.OK]
    assert _events(world, case) == []  # nothing changed: nothing recorded
    path.write_bytes(path.read_bytes() + b"% edited\n")
    (check,) = world.ws.cases.verify(case)
    assert check.status is FileStatus.CHANGED and "sha256" in check.message and check.file_id == detail.files[0].id
    assert world.ws.cases.get(case).files[0].status is FileStatus.CHANGED
    assert next(r for r in world.ws.cases.list_cases() if r.id == case).file_problem
    path.unlink()
    (check,) = world.ws.cases.verify(case)
    assert check.status is FileStatus.MISSING and str(path) in check.message
    events = _events(world, case)
    assert [(e.action, e.before, e.after) for e in events] == [
        ("file_status", {"卷宗.pdf": "ok"}, {"卷宗.pdf": "changed"}),
        ("file_status", {"卷宗.pdf": "changed"}, {"卷宗.pdf": "missing"})]
    with pytest.raises(NotFound):
        world.ws.cases.verify(99999)


def test_relocate_points_the_case_at_its_moved_folder_after_checking_the_files(world: World, case: int,
                                                                               tmp_path: Path) -> None:
    old = world.ws.cases.get(case).folder
    assert old is not None
    moved = tmp_path / "新 位置" / "案卷"
    shutil.move(str(old), moved)
    assert world.ws.cases.verify(case)[0].status is FileStatus.MISSING
    empty = tmp_path / "空"
    empty.mkdir()
    with pytest.raises(UsageError, match="卷宗.pdf"):
        world.ws.cases.relocate(case, empty)
    assert world.ws.cases.get(case).folder == old  # refused: unchanged
    checks = world.ws.cases.relocate(case, moved)
    assert [c.status for c in checks] == [FileStatus.OK]
    detail = world.ws.cases.get(case)
    assert detail.folder == moved and detail.files[0].status is FileStatus.OK
    event = [e for e in _events(world, case) if e.action == "relocate"][-1]
    assert (event.before, event.after) == ({"folder": str(old)}, {"folder": str(moved)})
    # a folder holding an edited copy is refused
    tampered = tmp_path / "改过"
    shutil.copytree(moved, tampered)
    (tampered / "卷宗.pdf").write_bytes(b"%PDF-1.4 other\n")
    with pytest.raises(UsageError):
        world.ws.cases.relocate(case, tampered)
    assert world.ws.cases.get(case).folder == moved


def test_resolve_finds_a_case_by_id_or_doc_no(world: World, case: int) -> None:
    row = world.ws.cases.get(case).row
    assert world.ws.cases.resolve(case) == world.ws.cases.resolve(str(case)) == case
    assert world.ws.cases.resolve(row.doc_no) == case
    assert world.ws.cases.resolve("第0001号") == case
    world.add_case("乙大队", ("乙官1",))
    with pytest.raises(UsageError):
        world.ws.cases.resolve("乙消行罚决字")  # matches both
    with pytest.raises(NotFound):
        world.ws.cases.resolve("不存在的文号")


def test_disagreements_are_what_the_register_says_and_the_file_does_not() -> None:
    from review_tool.services.cases import disagreements
    from review_tool.services.dto import FieldDTO

    def f(name: str, value: str, source: str = "pdf", page: int | None = 1) -> FieldDTO:
        return FieldDTO(name, value, value, page if source == "pdf" else None, 1, None, source)

    units = {"平安市平安区消防救援大队": "平安市平安区消防救援大队", "平安区大队": "平安市平安区消防救援大队"}
    agree = (
        # the party on the cover, and a 被询问人 read as the party on a 询问笔录: the register matches the cover
        f("party", "平安市悦来餐饮管理有限公司"), f("party", "陈志明", page=7),
        f("party", "平安市悦来餐饮管理有限公司", "register"),
        f("handlers", "张伟、李强"), f("handlers", "李强 , 张伟", "register"),  # order and separators
        f("unit", "平安市平安区消防救援大队"), f("unit", "平安区大队", "register"),  # the short name
        f("fine_fen", "500000"), f("fine_fen", "500000", "register"),
        f("closed_on", "2023-06-05", "register"),  # only the register says it: nothing to compare
    )
    assert disagreements(agree, units=units) == ()

    differ = agree + (f("fine_fen", "300000", "metadata"),)  # register and case.json differ
    assert [d.name for d in disagreements(differ, units=units)] == ["fine_fen"]
    wrong = (f("closed_on", "2023-06-05"), f("closed_on", "2023-06-12", "register"))
    (d,) = disagreements(wrong)
    assert d.name == "closed_on" and {(v.source, v.value) for v in d.values} == {
        ("pdf", "2023-06-05"), ("register", "2023-06-12")}  # both kept, with where they came from
    assert disagreements((f("unit", "东城区大队", "register"), f("unit", "平安市平安区消防救援大队")),
                         units=units)  # another unit is a disagreement
