"""Which zone, city, province or group each figure belongs to."""

from __future__ import annotations

import bisect
import re

from .article import Article
from .figures import Figure, respective_runs
from .indicator import ZoneFound
from .numbers import NumberMention
from .units import unit_family
from .zones import WHOLE_PLACE_SCOPE, PlaceMention

# A count of zones (全省21家国家开发区, 230个国家级经济技术开发区) describes a group.
ZONE_GROUP_NOUN = re.compile(
    r"^(国家级|省级以上|省级|国家|省)?(经济技术开发区|高新技术产业开发区|高新区|开发区|经开区|新区|园区)"
)
COUNTY_SCOPE = re.compile(r"县域|全县")
UNKNOWN_ZONE = "*"


class Attribution:
    """Places of one article: subjects of clauses, sections, the main zone."""

    def __init__(self, article: Article, default_zone: str | None):
        self.body, self.places, self.mentions = article.body, article.places, article.mentions
        self.sentences, self.paragraphs = article.sentences, article.paragraphs
        self.default_zone = default_zone
        self.zone_rows = article.zone_rows
        self.frame_zone, self.frame = article.frame.zone, article.frame
        self.gazetteer = article.gazetteer
        # A place's gloss in brackets (全市10家开发区(园区)) is no subject of its own.
        places = self.places
        self.subjects = [
            p
            for i, p in enumerate(places)
            if p.subject and not (i and self.body[places[i - 1].end : p.start] == "(")
        ]
        self.subject_starts = [p.start for p in self.subjects]
        self.zone_subjects = [p for p in self.subjects if p.scope == "zone"]
        self.zone_subject_starts = [p.start for p in self.zone_subjects]
        self.respective_zones = {
            self.mentions[i]: zone for i, zone in self._respective_zones(self.mentions).items()
        }
        zones = [p for p in self.places if p.scope == "zone"]
        self.main_zone = next((p for p in zones if p.registered), None) or (zones[0] if zones else None)

    def zones_found(self) -> list[ZoneFound]:
        seen = {}
        for place in self.places:
            if place.scope == "zone":
                seen.setdefault(place.name, ZoneFound(place.name, place.registered))
        for zone in filter(None, (self.frame_zone, self.default_zone)):
            if not seen:
                record = self.gazetteer.record(zone)
                seen[zone] = ZoneFound(record.short_name if record else zone, record is not None)
        return list(seen.values())

    def _section_zone(self, pos: int) -> PlaceMention | None:
        """The zone last named as a subject before `pos`, or the zone heading its section if that
        section began later."""
        index = bisect.bisect_left(self.zone_subject_starts, pos)
        subject = self.zone_subjects[index - 1] if index else None
        section = self.frame.section_at(pos) if self.frame.sections else None
        if section and section.zone and (subject is None or subject.start < section.start):
            record = self.gazetteer.record(section.zone)
            return PlaceMention(section.start, section.start, section.zone, "zone", record is not None, True)
        return subject

    def _frame_zone(self, pos: int) -> tuple[str, bool] | None:
        """The zone the document is about, else the first zone named before `pos` (figures before
        any zone is named are not credited to one named later)."""
        if self.frame_zone:
            record = self.gazetteer.record(self.frame_zone)
            return (record.short_name, True) if record else (self.frame_zone, False)
        if self.main_zone and self.main_zone.start < pos:
            return self.main_zone.name, self.main_zone.registered
        return None

    def place(self, figure: Figure) -> tuple[str, bool, str]:
        """(zone or place name, registered, scope) for a figure."""
        mention = figure.mention
        if self.zone_rows and mention in self.zone_rows:  # a ranking table's row
            row = self.zone_rows[mention]
            return row.zone, row.registered, "zone"
        if (
            self.respective_zones and mention in self.respective_zones
        ):  # hashing a mention costs; most articles have none
            zone = self.respective_zones[mention]
            return zone.name, zone.registered, "zone"
        after = self.body[mention.end : mention.end + 12]
        if unit_family(mention.unit) == "count" and ZONE_GROUP_NOUN.match(after):
            before = self.body[max(0, mention.start - 4) : mention.start]
            noun = ZONE_GROUP_NOUN.match(after).group()
            scope = (
                "province"
                if "全省" in before
                else "national"
                if "全国" in before or noun.startswith("国家")
                else "group"
            )
            return noun, False, scope
        if COUNTY_SCOPE.search(figure.metric):
            return figure.metric, False, "city"
        paragraph_start, _ = self.paragraphs.around(mention.start)
        sentence_start, _ = self.sentences.around(mention.start)
        # A named place stays the subject for its paragraph; 全市/全省 only for its sentence.
        subject = None
        for index in range(
            bisect.bisect_left(self.subject_starts, mention.start) - 1, -1, -1
        ):  # no copy of the list
            place = self.subjects[index]
            if place.start < paragraph_start:
                break
            if place.name not in WHOLE_PLACE_SCOPE or place.start >= sentence_start:
                subject = place
                break
        if subject and subject.scope in ("city", "province", "group", "national"):
            return self._place_name(subject, mention.start), False, subject.scope
        zone = subject if subject and subject.scope == "zone" else self._section_zone(mention.start)
        if zone is not None:
            return zone.name, zone.registered, "zone"
        if framed := self._frame_zone(mention.start):
            return (*framed, "zone")
        return (self.default_zone or UNKNOWN_ZONE), False, "zone"

    def _place_name(self, place: PlaceMention, pos: int) -> str:
        """全市 / 全省 named after the zone's own city or province when the registry knows it."""
        zone = self._section_zone(pos)
        zone_name = zone.name if zone else (self._frame_zone(pos) or (None,))[0]
        record = self.gazetteer.record(zone_name) if zone_name and place.name in WHOLE_PLACE_SCOPE else None
        if record is None:
            return place.name
        return {"city": record.city, "province": record.province}.get(place.scope) or place.name

    def _respective_zones(self, mentions: list[NumberMention]) -> dict[int, PlaceMention]:
        """郑州高新区和洛阳高新区分别实现营业收入820亿元、560亿元: one zone per value."""
        found = {}
        for marker, run in respective_runs(self.body, mentions):
            sentence_start, _ = self.sentences.around(marker.start())
            zones = [
                p for p in self.places if p.scope == "zone" and sentence_start <= p.start < marker.start()
            ]
            if len(zones) == len(run):
                found.update(zip(run, zones, strict=False))
        return found
