"""Which of Meta's AI forms a person may use, given the country they live in.

Each form in the registry (selectors/forms/*.yaml) names the regions it is offered in; the
countries of each region, with their sources and certainty, and advice per country live in
data/eligibility.yaml, because Meta changes them. A region is as certain as its sources: verified
and reported regions make a form usable (a reported one is shown with its source), an uncertain
one does not, and the advice says why and how to try anyway (`--force`). The advice says which
`assist fill` command to run, written from the registry too, so a new form is advised on without a
change here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meta_optout_assist.legal.countries import country_name, normalize_code, read_validated

if TYPE_CHECKING:
    from meta_optout_assist.site.schema import FormEntry

ANYWHERE = "anywhere"
CERTAINTIES = ("verified", "reported", "uncertain")


@dataclass(frozen=True)
class FormAdvice:
    """One kind of form (`--form`), whether this person may use it, and what to run."""

    form: str  # the --form value
    title: str
    ids: tuple[str, ...]  # the registry's forms it is about
    platforms: tuple[str, ...]  # the sites its forms are on
    eligible: bool
    how: str
    note: str | None = None
    warning: str | None = None
    # How certain it is that Meta offers the form where the person lives, and the sources: set when
    # a region decides it (verified | reported | uncertain), None for a form offered anywhere or
    # not at all there.
    certainty: str | None = None
    source: str | None = None

    @property
    def caveat(self) -> str | None:
        """What a person must know about a route that is not verified, with its sources."""
        if self.certainty == "reported":
            return f"Reported, not confirmed by Meta: {self.source}"
        if self.certainty == "uncertain":
            return f"Uncertain: {self.source}"
        return None


@functools.cache
def _schema() -> Any:
    # pydantic is imported here, not at module import: `assist --help` must stay fast.
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, field_validator, model_validator

    def code(value: str) -> str:
        if not isinstance(value, str) or normalize_code(value) != value:
            raise ValueError(f"{value!r} is not an upper-case ISO 3166-1 alpha-2 code")
        return value

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class Region(Strict):
        name: str
        countries: tuple[str, ...]
        certainty: Literal[CERTAINTIES]  # type: ignore[valid-type]
        source: str

        @field_validator("countries")
        @classmethod
        def _codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(code(item) for item in value)

    class CountryAdvice(Strict):
        form: str = "objection"  # the --form it is about, or one form's id
        note: str | None = None
        warning: str | None = None

    class EligibilityFile(Strict):
        regions: dict[str, Region]
        territories: dict[str, str] = {}
        countries: dict[str, CountryAdvice] = {}
        territory_note: str

        @field_validator("territories", "countries")
        @classmethod
        def _keys_are_codes(cls, value: dict[str, Any]) -> dict[str, Any]:
            for item in value:
                code(item)
            return value

        @model_validator(mode="after")
        def _consistent(self) -> EligibilityFile:
            seen: dict[str, str] = {}
            for name, region in self.regions.items():
                for item in region.countries:
                    if item in seen:
                        raise ValueError(f"{item} is listed in both {seen[item]} and {name}")
                    seen[item] = name
            for place, parent in self.territories.items():
                if parent not in seen:
                    raise ValueError(f"territories.{place}: parent {parent} is in no region")
                if place in seen:
                    raise ValueError(f"territories.{place}: also listed as a country")
            return self

    return EligibilityFile


@functools.cache
def _data() -> Any:
    return read_validated(_schema(), "eligibility.yaml")


def _forms(selectors_dir: Path | None = None) -> tuple[FormEntry, ...]:
    from meta_optout_assist.errors import SelectorsError
    from meta_optout_assist.site import registry

    forms = registry.load(selectors_dir).forms
    known = {*_data().regions, ANYWHERE}
    for f in forms:
        unknown = [r for r in f.regions if r not in known]
        if unknown:
            raise SelectorsError(f"forms/{f.id}.yaml: key `regions`: unknown region {unknown[0]!r} "
                                 f"(known: {', '.join(sorted(known))})")
    return forms


def country_for_form(code: str) -> str:
    """The country to pick in a form's list: the parent country for Réunion, Åland and the like."""
    alpha2 = normalize_code(code)
    return _data().territories.get(alpha2, alpha2)


def region_of(code: str) -> str | None:
    """The region (EU, EEA, UK…) where the person lives, None anywhere else."""
    alpha2 = country_for_form(code)
    for name, region in _data().regions.items():
        if alpha2 in region.countries:
            return name
    return None


def _region_certainty(code: str) -> str | None:
    region = region_of(code)
    return _data().regions[region].certainty if region else None


def may_use(form: FormEntry, code: str) -> bool:
    """Whether Meta offers this form to someone living in that country (verified or reported; an
    uncertain region is not enough)."""
    if ANYWHERE in form.regions:
        return True
    return region_of(code) in form.regions and _region_certainty(code) != "uncertain"


def is_objection_eligible(code: str) -> bool:
    """Whether Meta offers this person an objection form on any platform."""
    return any(may_use(f, code) for f in _forms() if f.form == "objection")


def _regions_in_words(names: list[str]) -> str:
    """The regions a form is offered in, as a sentence says them; uncertain ones are left out."""
    regions = [_data().regions[n] for n in names if n in _data().regions]
    words = [("(reported) " if r.certainty == "reported" else "") + r.name
             for r in regions if r.certainty != "uncertain"]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _command(platform: str, form: FormEntry, code: str, force: bool = False) -> str:
    from meta_optout_assist.inputs import INPUT_FLAGS

    flags = [f"--platform {platform}"] + ([f"--form {form.form}"] if form.form != "objection" else [])
    flags.append(f"--country {code}")
    flags += [INPUT_FLAGS[n][0] for n in form.required_inputs if n not in ("email", "country", "reason")]
    flags += ["--force"] if force else []
    return f"`assist fill {' '.join(flags)}`"


def _steps(form: FormEntry) -> str:
    yours = (["log in"] if form.login == "required" else []) + \
        (["type the code Meta emails you"] if "code" in form.verification else []) + \
        (["open the link Meta emails you"] if "link" in form.verification else [])
    you = f"you {' and '.join(yours)}; " if yours else ""
    return f"A browser opens: {you}the tool fills in the rest, sends it when you confirm and keeps a receipt."


def _how_eligible(forms: list[FormEntry], code: str, force: bool = False) -> str:
    first = forms[0]
    plan = [(p, f) for f in forms for p in (f.platforms[:1] if f.once else f.platforms)]
    text = f"Run {_command(plan[0][0], first, code, force)}"
    lengths = [f"{n}: {s.min_length} characters at least" for n, s in first.inputs.items() if s.min_length]
    if lengths:
        text += f" ({'; '.join(lengths)})"
    others = [p for p, _ in plan[1:]]
    if others:
        text += ", and again with " + ", ".join(f"`--platform {p}`" for p in others) + \
            " for each account you have there (one run per account)"
    text += "."
    reason = first.inputs.get("reason")
    if reason is not None:
        text += (" Add `--reason-template art21-particular-situation` (`assist reasons` lists them) or "
                 "`--reason TEXT`" + (": the form asks why." if reason.required else " in case the form asks why."))
    return " ".join(part for part in (text, _steps(first), first.about) if part)


def about(advice, kind: str, forms: list[FormEntry]) -> bool:
    """Whether a country's advice (eligibility.yaml `countries`) is about these forms."""
    return advice is not None and (advice.form == kind or advice.form in {f.id for f in forms})


def forms_for(code: str, selectors_dir: Path | None = None) -> list[FormAdvice]:
    """Every kind of form in the registry, in its order, each saying whether and how this person
    can use it."""
    data = _data()
    alpha2 = normalize_code(code)
    form_code = country_for_form(alpha2)
    advice = data.countries.get(alpha2) or data.countries.get(form_code)
    territory = None
    if form_code != alpha2:
        territory = data.territory_note.replace("{place}", country_name(alpha2)).replace(
            "{parent}", country_name(form_code))

    region_name = region_of(form_code)
    region = data.regions[region_name] if region_name else None
    forms = _forms(selectors_dir)
    kinds = list(dict.fromkeys(f.form for f in forms))
    usable = {k: [f for f in forms if f.form == k and may_use(f, alpha2)] for k in kinds}
    # Forms of one kind with one title are advised on together (Facebook's and Instagram's
    # objection forms); a form of its own title (WhatsApp's) on its own.
    groups = list(dict.fromkeys((f.form, f.title_in("en")) for f in forms))
    out = []
    for kind, title in groups:
        of_kind = [f for f in forms if (f.form, f.title_in("en")) == (kind, title)]
        ok = [f for f in of_kind if f in usable[kind]]
        # The forms of this kind that name the person's region (not "anywhere"): the region's
        # certainty is theirs.
        by_region = [f for f in of_kind if region_name in f.regions and ANYWHERE not in f.regions]
        decided_by_region = region is not None and bool(by_region) and not any(
            ANYWHERE in f.regions for f in ok)
        instead = [k for k in kinds if usable[k] and k != kind]
        if ok:
            how = _how_eligible(ok, form_code)
        elif decided_by_region:  # an uncertain region
            attempt = _how_eligible(by_region, form_code, force=True)
            how = (f"It is uncertain whether Meta offers this form to people who live in {region.name}: "
                   f"{region.source} You can try it anyway with `--force`: {attempt[0].lower()}{attempt[1:]} "
                   f"If the form asks for your country and offers no {country_name(form_code)}, Meta does "
                   "not offer it there: do not pick another country."
                   + (f" Otherwise use the {instead[0]} form." if instead else ""))
        else:
            regions = list(dict.fromkeys(r for f in of_kind for r in f.regions))
            how = (f"Meta offers this form only to people who live in {_regions_in_words(regions)}, so it "
                   "is not available where you live."
                   + (f" Use the {instead[0]} form instead." if instead else ""))
        out.append(FormAdvice(
            form=kind, title=title, ids=tuple(f.id for f in of_kind),
            platforms=tuple(dict.fromkeys(f.site for f in of_kind)), eligible=bool(ok), how=how,
            note=" ".join(p for p in (territory, advice.note if about(advice, kind, of_kind) else None)
                          if p) or None,
            warning=advice.warning if ok and about(advice, kind, of_kind) else None,
            certainty=region.certainty if decided_by_region else None,
            source=region.source if decided_by_region else None,
        ))
    return out
