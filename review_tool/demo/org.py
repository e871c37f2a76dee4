"""The demo organisation: one 支队, its 法制科, four 大队 (one with two 中队/站) and a 乡镇街道 unit.

Pure data (frozen dataclasses). The database seeder turns it into units, officers and users; the
case-file generator (`casefiles.py`) draws handlers from it and prints its names, 文号 prefixes and
执法证号 on the documents, so the seeded database and the generated files agree.

- `Unit.name` is the name used in registers and the database (unique); `Unit.agency` is the body in
  whose name documents are issued and sealed (a 中队 issues under its 大队, the township team under
  its 人民政府); `Unit.code` is the 文号 prefix (平消, 东消, …).
- Every reviewer and legal officer is also an officer (so `User.name` equals an `Officer.name`);
  user names are unique, as the users table requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from review_tool.domain.enums import Role, UnitKind


@dataclass(frozen=True)
class Unit:
    key: str  # stable ASCII key used inside the demo (e.g. "pingan")
    name: str  # full name, unique (e.g. 平安市平安区消防救援大队)
    short_name: str  # e.g. 平安区大队
    kind: UnitKind
    parent: str | None  # key of the parent unit
    code: str  # 文号 prefix, e.g. 平消
    agency: str  # issuing body printed on headers and seals
    chief: str = ""  # head who signs approvals (机构负责人)
    court: str = ""  # court named in the rights clause of decisions
    handles_cases: bool = True


@dataclass(frozen=True)
class Officer:
    name: str
    unit: str  # Unit.key
    cert_no: str  # 执法证号
    gender: str  # 男 / 女
    post: str = "执法人员"


@dataclass(frozen=True)
class User:
    name: str  # unique; equals the officer's name
    role: Role
    unit: str  # Unit.key
    officer: str | None  # Officer.name, when the user is an officer


@dataclass(frozen=True)
class Org:
    units: tuple[Unit, ...]
    officers: tuple[Officer, ...]
    users: tuple[User, ...]
    city: str = "平安市"
    province_basis: str = "《平安省消防行政处罚裁量基准》"
    reconsideration_body: str = "平安市人民政府"

    def unit(self, key: str) -> Unit:
        for u in self.units:
            if u.key == key:
                return u
        raise KeyError(key)

    def unit_by_name(self, name: str) -> Unit:
        for u in self.units:
            if name in (u.name, u.short_name):
                return u
        raise KeyError(name)

    def officers_of(self, key: str) -> tuple[Officer, ...]:
        return tuple(o for o in self.officers if o.unit == key)

    def officer(self, name: str) -> Officer:
        for o in self.officers:
            if o.name == name:
                return o
        raise KeyError(name)

    def issuing_unit(self, key: str) -> Unit:
        """The unit whose 文号 prefix, head and seal a case of unit `key` uses (a 中队 uses its 大队's)."""
        u = self.unit(key)
        if u.kind is UnitKind.SQUADRON and u.parent:
            return self.unit(u.parent)
        return u

    def case_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.handles_cases)

    def legal_officer_for(self, key: str) -> Officer:
        """Who signs the 法制审核 of a case of unit `key`: the 大队's own 法制员, else the 支队 法制科."""
        issuing = self.issuing_unit(key)
        for user in self.users:
            if user.role is Role.LEGAL_OFFICER and user.unit == issuing.key and user.officer:
                return self.officer(user.officer)
        for user in self.users:
            if user.role is Role.LEGAL_OFFICER and self.unit(user.unit).kind is UnitKind.OFFICE and user.officer:
                return self.officer(user.officer)
        raise LookupError("no legal officer")

    def users_with(self, role: Role) -> tuple[User, ...]:
        return tuple(u for u in self.users if u.role is role)


_COURTS = {
    "pingan": "平安市平安区人民法院",
    "dongcheng": "平安市东城区人民法院",
    "xihu": "平安市西湖区人民法院",
    "linjiang": "临江县人民法院",
    "qingshan": "临江县人民法院",
}

UNITS: tuple[Unit, ...] = (
    Unit("zhidui", "平安市消防救援支队", "支队", UnitKind.DETACHMENT, None, "平消支", "平安市消防救援支队",
         chief="赵国强", handles_cases=False),
    Unit("fazhike", "平安市消防救援支队法制科", "法制科", UnitKind.OFFICE, "zhidui", "平消法",
         "平安市消防救援支队", handles_cases=False),
    Unit("pingan", "平安市平安区消防救援大队", "平安区大队", UnitKind.BRIGADE, "zhidui", "平消",
         "平安市平安区消防救援大队", chief="刘建军", court=_COURTS["pingan"]),
    Unit("chengnan", "平安区城南消防救援站", "城南站", UnitKind.SQUADRON, "pingan", "平消",
         "平安市平安区消防救援大队", court=_COURTS["pingan"]),
    Unit("binjiang", "平安区滨江中队", "滨江中队", UnitKind.SQUADRON, "pingan", "平消",
         "平安市平安区消防救援大队", court=_COURTS["pingan"]),
    Unit("dongcheng", "平安市东城区消防救援大队", "东城区大队", UnitKind.BRIGADE, "zhidui", "东消",
         "平安市东城区消防救援大队", chief="钱志刚", court=_COURTS["dongcheng"]),
    Unit("xihu", "平安市西湖区消防救援大队", "西湖区大队", UnitKind.BRIGADE, "zhidui", "西消",
         "平安市西湖区消防救援大队", chief="吴海涛", court=_COURTS["xihu"]),
    Unit("linjiang", "临江县消防救援大队", "临江县大队", UnitKind.BRIGADE, "zhidui", "临消",
         "临江县消防救援大队", chief="郑卫东", court=_COURTS["linjiang"]),
    Unit("qingshan", "青山镇综合行政执法队", "青山镇执法队", UnitKind.TOWNSHIP, "linjiang", "青执",
         "临江县青山镇人民政府", chief="冯春生", court=_COURTS["qingshan"]),
)

# (name, unit key, 执法证号, gender, post)
_OFFICERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("周文静", "fazhike", "消执0310021", "女", "法制科科长"),
    ("陈立新", "fazhike", "消执0310037", "男", "法制员"),
    ("刘建军", "pingan", "消执0312001", "男", "大队长"),
    ("孙晓燕", "pingan", "消执0312018", "女", "法制员"),
    ("李明辉", "pingan", "消执0312045", "男", "防火监督员"),
    ("王志强", "pingan", "消执0312052", "男", "防火监督员"),
    ("张丽华", "pingan", "消执0312067", "女", "防火监督员"),
    ("黄俊杰", "chengnan", "消执0312103", "男", "站长"),
    ("林少华", "chengnan", "消执0312116", "男", "防火监督员"),
    ("何家伟", "binjiang", "消执0312124", "男", "中队长"),
    ("罗晓东", "binjiang", "消执0312139", "男", "防火监督员"),
    ("钱志刚", "dongcheng", "消执0313001", "男", "大队长"),
    ("杨帆", "dongcheng", "消执0313024", "男", "防火监督员"),
    ("徐静怡", "dongcheng", "消执0313031", "女", "防火监督员"),
    ("马国栋", "dongcheng", "消执0313048", "男", "防火监督员"),
    ("朱建平", "dongcheng", "消执0313055", "男", "防火监督员"),
    ("吴海涛", "xihu", "消执0314001", "男", "大队长"),
    ("胡志勇", "xihu", "消执0314017", "男", "防火监督员"),
    ("高婷婷", "xihu", "消执0314029", "女", "防火监督员"),
    ("谢文博", "xihu", "消执0314036", "男", "防火监督员"),
    ("韩磊", "xihu", "消执0314043", "男", "防火监督员"),
    ("郑卫东", "linjiang", "消执0315001", "男", "大队长"),
    ("曹宇航", "linjiang", "消执0315012", "男", "防火监督员"),
    ("彭丽娟", "linjiang", "消执0315027", "女", "防火监督员"),
    ("邓伟", "linjiang", "消执0315034", "男", "防火监督员"),
    ("许振华", "linjiang", "消执0315049", "男", "防火监督员"),
    ("冯春生", "qingshan", "综执3311020015", "男", "队长"),
    ("蒋海燕", "qingshan", "综执3311020023", "女", "执法队员"),
    ("沈建明", "qingshan", "综执3311020031", "男", "执法队员"),
    ("赵国强", "zhidui", "消执0300002", "男", "支队长"),
)

OFFICERS: tuple[Officer, ...] = tuple(Officer(n, u, c, g, p) for n, u, c, g, p in _OFFICERS)

_USERS: tuple[tuple[str, Role, str], ...] = (
    ("周文静", Role.LEGAL_OFFICER, "fazhike"),
    ("陈立新", Role.LEGAL_OFFICER, "fazhike"),
    ("孙晓燕", Role.LEGAL_OFFICER, "pingan"),
    ("赵国强", Role.CHIEF, "zhidui"),
    ("钱志刚", Role.CHIEF, "dongcheng"),
    ("李明辉", Role.REVIEWER, "pingan"),
    ("张丽华", Role.REVIEWER, "pingan"),
    ("黄俊杰", Role.REVIEWER, "chengnan"),
    ("何家伟", Role.REVIEWER, "binjiang"),
    ("杨帆", Role.REVIEWER, "dongcheng"),
    ("徐静怡", Role.REVIEWER, "dongcheng"),
    ("胡志勇", Role.REVIEWER, "xihu"),
    ("高婷婷", Role.REVIEWER, "xihu"),
    ("曹宇航", Role.REVIEWER, "linjiang"),
    ("彭丽娟", Role.REVIEWER, "linjiang"),
    ("蒋海燕", Role.REVIEWER, "qingshan"),
    ("谢文博", Role.REVIEWER, "xihu"),
)

USERS: tuple[User, ...] = tuple(User(n, r, u, n) for n, r, u in _USERS)

DEMO_ORG = Org(units=UNITS, officers=OFFICERS, users=USERS)

# Officers who never handle cases in the demo (heads and legal officers sign approvals and reviews).
NON_HANDLERS: frozenset[str] = frozenset(
    {"周文静", "陈立新", "孙晓燕", "赵国强", "刘建军", "钱志刚", "吴海涛", "郑卫东", "冯春生"}
)


def handlers_pool(org: Org, unit_key: str) -> tuple[Officer, ...]:
    """Officers of `unit_key` who may be named 承办人 (at least two for every case unit)."""
    return tuple(o for o in org.officers_of(unit_key) if o.name not in NON_HANDLERS)
