using static LmsPrivacy.Deadlines.HolidayRule;
using Dow = NodaTime.IsoDayOfWeek;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// The national public holidays of the 27 EU member states, Iceland, Liechtenstein, Norway and the UK nations, as rules.
/// Only days that can fall on a weekday are listed (always-Sunday feasts cannot move a deadline); regional holidays and
/// days whose status is unclear are left out on purpose (see docs/deadlines.md, "Country table").
/// Easter offsets: -48 Clean Monday, -3 Maundy Thursday, -2 Good Friday, +1 Easter Monday, +39 Ascension,
/// +50 Whit Monday, +60 Corpus Christi.
/// </summary>
internal static class HolidayData
{
    private static HolidayRule NewYear => Fixed(1, 1, "New Year's Day");

    private static HolidayRule Epiphany => Fixed(1, 6, "Epiphany");

    private static HolidayRule MayDay => Fixed(5, 1, "Labour Day");

    private static HolidayRule Assumption => Fixed(8, 15, "Assumption Day");

    private static HolidayRule AllSaints => Fixed(11, 1, "All Saints' Day");

    private static HolidayRule ImmaculateConception => Fixed(12, 8, "Immaculate Conception");

    private static HolidayRule ChristmasEve => Fixed(12, 24, "Christmas Eve");

    private static HolidayRule Christmas => Fixed(12, 25, "Christmas Day");

    private static HolidayRule StStephen => Fixed(12, 26, "St Stephen's Day");

    private static HolidayRule GoodFriday => Easter(-2, "Good Friday");

    private static HolidayRule EasterMonday => Easter(1, "Easter Monday");

    private static HolidayRule Ascension => Easter(39, "Ascension Day");

    private static HolidayRule WhitMonday => Easter(50, "Whit Monday");

    private static HolidayRule CorpusChristi => Easter(60, "Corpus Christi");

    public static IReadOnlyList<HolidayCalendar> All { get; } =
    [
        new("AT", "Austria", "Feiertagsruhegesetz 1957 § 1; Arbeitsruhegesetz § 7(2)",
        [
            NewYear, Epiphany, EasterMonday, Fixed(5, 1, "Staatsfeiertag"), Ascension, WhitMonday, CorpusChristi, Assumption,
            Fixed(10, 26, "National Day"), AllSaints, ImmaculateConception, Christmas, StStephen,
        ]),
        new("BE", "Belgium", "Loi du 4 janvier 1974 relative aux jours fériés; arrêté royal du 18 avril 1974",
        [
            NewYear, EasterMonday, MayDay, Ascension, WhitMonday, Fixed(7, 21, "National Day"), Assumption, AllSaints,
            Fixed(11, 11, "Armistice Day"), Christmas,
        ]),
        new("BG", "Bulgaria", "Labour Code (Кодекс на труда) Art. 154; weekend holidays give the next working day off (Art. 154(2))",
        [
            NewYear with { Substitute = WeekendSubstitute.AddNextWeekday }, Fixed(3, 3, "Liberation Day") with { Substitute = WeekendSubstitute.AddNextWeekday },
            Orthodox(-2, "Good Friday"), Orthodox(1, "Easter Monday"), MayDay with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(5, 6, "St George's Day") with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(5, 24, "Day of Bulgarian Education and Culture") with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(9, 6, "Unification Day") with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(9, 22, "Independence Day") with { Substitute = WeekendSubstitute.AddNextWeekday },
            ChristmasEve with { Substitute = WeekendSubstitute.AddNextWeekday }, Christmas with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(12, 26, "Second Day of Christmas") with { Substitute = WeekendSubstitute.AddNextWeekday },
        ]),
        new("CY", "Cyprus", "Cyprus Government public holidays list (Press and Information Office); Easter Tuesday and 24 December (bank or public-service days only) left out",
        [
            NewYear, Epiphany, Orthodox(-48, "Green Monday"), Fixed(3, 25, "Greek Independence Day"), Fixed(4, 1, "Cyprus National Day"),
            Orthodox(-2, "Good Friday"), Orthodox(1, "Easter Monday"), MayDay, Orthodox(50, "Kataklysmos (Whit Monday)"), Assumption,
            Fixed(10, 1, "Cyprus Independence Day"), Fixed(10, 28, "Ochi Day"), Christmas, Fixed(12, 26, "Boxing Day"),
        ]),
        new("CZ", "Czechia", "Act No. 245/2000 Coll. on public holidays, § 1–2",
        [
            Fixed(1, 1, "Restoration Day of the Independent Czech State"), GoodFriday, EasterMonday, MayDay,
            Fixed(5, 8, "Liberation Day"), Fixed(7, 5, "Saints Cyril and Methodius Day"), Fixed(7, 6, "Jan Hus Day"),
            Fixed(9, 28, "Czech Statehood Day"), Fixed(10, 28, "Independent Czechoslovak State Day"),
            Fixed(11, 17, "Struggle for Freedom and Democracy Day"), ChristmasEve, Christmas, StStephen,
        ]),
        new("DE", "Germany (nationwide holidays)", "Einigungsvertrag Art. 2(2) and the Länder holiday acts (days common to all 16 Länder); regional holidays left out",
        [
            NewYear, GoodFriday, EasterMonday, MayDay, Ascension, WhitMonday, Fixed(10, 3, "Day of German Unity"), Christmas,
            Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("DK", "Denmark", "Danish Holidays Act (helligdagsloven); Act No. 187 of 28 February 2023 abolished Great Prayer Day from 2024",
        [
            NewYear, Easter(-3, "Maundy Thursday"), GoodFriday, EasterMonday, Easter(26, "Great Prayer Day") with { UntilYear = 2023 },
            Ascension, WhitMonday, Christmas, Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("EE", "Estonia", "Public Holidays and Days of National Importance Act (pühade ja tähtpäevade seadus) § 2",
        [
            NewYear, Fixed(2, 24, "Independence Day"), GoodFriday, Fixed(5, 1, "Spring Day"), Fixed(6, 23, "Victory Day"),
            Fixed(6, 24, "Midsummer Day"), Fixed(8, 20, "Day of Restoration of Independence"), ChristmasEve, Christmas,
            Fixed(12, 26, "Boxing Day"),
        ]),
        new("ES", "Spain (nationwide holidays)", "Estatuto de los Trabajadores Art. 37(2) and the annual BOE resolution; regional days and regional Monday transfers left out",
        [
            NewYear, Epiphany, GoodFriday, MayDay, Assumption, Fixed(10, 12, "National Day"), AllSaints,
            Fixed(12, 6, "Constitution Day"), ImmaculateConception, Christmas,
        ]),
        new("FI", "Finland", "Finnish public holidays (Church Act and Act on Independence Day and May Day); Midsummer Day and All Saints' Day fall on Saturdays; Christmas Eve and Midsummer Eve (customary, not statutory) left out",
        [
            NewYear, Epiphany, GoodFriday, EasterMonday, Fixed(5, 1, "May Day"), Ascension, Fixed(12, 6, "Independence Day"),
            Christmas, StStephen,
        ]),
        new("FR", "France (metropolitan)", "Code du travail, art. L3133-1; Alsace-Moselle and overseas days left out",
        [
            NewYear, EasterMonday, MayDay, Fixed(5, 8, "Victory in Europe Day"), Ascension, WhitMonday, Fixed(7, 14, "Bastille Day"),
            Assumption, AllSaints, Fixed(11, 11, "Armistice Day"), Christmas,
        ]),
        new("GR", "Greece", "Greek national public holidays (Ministry of Labour list)",
        [
            NewYear, Epiphany, Orthodox(-48, "Clean Monday"), Fixed(3, 25, "Independence Day"), Orthodox(-2, "Good Friday"),
            Orthodox(1, "Easter Monday"), MayDay, Orthodox(50, "Whit Monday"), Assumption, Fixed(10, 28, "Ochi Day"), Christmas,
            Fixed(12, 26, "Synaxis of the Mother of God"),
        ]),
        new("HR", "Croatia", "Zakon o blagdanima, spomendanima i neradnim danima u Republici Hrvatskoj (NN 110/2019), in force 2020",
        [
            NewYear, Epiphany, EasterMonday, MayDay, Fixed(5, 30, "Statehood Day") with { FromYear = 2020 },
            Fixed(6, 25, "Statehood Day") with { UntilYear = 2019 }, CorpusChristi, Fixed(6, 22, "Anti-Fascist Struggle Day"),
            Fixed(8, 5, "Victory and Homeland Thanksgiving Day"), Assumption, Fixed(10, 8, "Independence Day") with { UntilYear = 2019 },
            AllSaints, Fixed(11, 18, "Remembrance Day") with { FromYear = 2020 }, Christmas, StStephen,
        ]),
        new("HU", "Hungary", "Munka törvénykönyve (Act I of 2012) § 102(1); decreed bridge days, working Saturdays and 24 December left out",
        [
            NewYear, Fixed(3, 15, "National Day"), GoodFriday with { FromYear = 2017 }, EasterMonday, MayDay, WhitMonday,
            Fixed(8, 20, "State Foundation Day"), Fixed(10, 23, "National Day"), AllSaints, Christmas,
            Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("IE", "Ireland", "Organisation of Working Time Act 1997, Schedule 2 (St Brigid's Day added from 2023)",
        [
            NewYear,
            new HolidayRule("St Brigid's Day", year =>
            {
                var first = new NodaTime.LocalDate(year, 2, 1);
                return first.DayOfWeek == Dow.Friday ? first : first.With(NodaTime.DateAdjusters.NextOrSame(Dow.Monday));
            }) { FromYear = 2023 },
            Fixed(3, 17, "St Patrick's Day"), EasterMonday, OnOrAfter(5, 1, Dow.Monday, "May Bank Holiday"),
            OnOrAfter(6, 1, Dow.Monday, "June Bank Holiday"), OnOrAfter(8, 1, Dow.Monday, "August Bank Holiday"),
            LastInMonth(10, Dow.Monday, "October Bank Holiday"), Christmas, StStephen,
        ]),
        new("IT", "Italy", "Legge 27 maggio 1949 n. 260 and later amendments (4 October restored from 2026)",
        [
            NewYear, Epiphany, EasterMonday, Fixed(4, 25, "Liberation Day"), MayDay, Fixed(6, 2, "Republic Day"), Assumption,
            Fixed(10, 4, "St Francis of Assisi") with { FromYear = 2026 }, AllSaints, ImmaculateConception, Christmas, StStephen,
        ]),
        new("LT", "Lithuania", "Labour Code (Darbo kodeksas) Art. 123(1)",
        [
            NewYear, Fixed(2, 16, "Day of Restoration of the State"), Fixed(3, 11, "Day of Restoration of Independence"),
            EasterMonday, MayDay, Fixed(6, 24, "Midsummer Day"), Fixed(7, 6, "Statehood Day"), Assumption, AllSaints,
            Fixed(11, 2, "All Souls' Day") with { FromYear = 2020 }, ChristmasEve, Christmas, Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("LU", "Luxembourg", "Code du travail, art. L.232-2 (Europe Day from 2019)",
        [
            NewYear, EasterMonday, MayDay, Fixed(5, 9, "Europe Day") with { FromYear = 2019 }, Ascension, WhitMonday,
            Fixed(6, 23, "National Day"), Assumption, AllSaints, Christmas, StStephen,
        ]),
        new("LV", "Latvia", "Law on Public Holidays, Commemoration Days and Days of Celebration, Art. 1 (4 May and 18 November on a weekend add the next working day); the Song and Dance Festival closing day (every five years, date set per festival) and one-off holidays left out",
        [
            NewYear, GoodFriday, EasterMonday, MayDay, Fixed(5, 4, "Restoration of Independence Day") with { Substitute = WeekendSubstitute.AddNextWeekday },
            Fixed(6, 23, "Midsummer Eve"), Fixed(6, 24, "Midsummer Day"),
            Fixed(11, 18, "Proclamation Day") with { Substitute = WeekendSubstitute.AddNextWeekday }, ChristmasEve, Christmas,
            Fixed(12, 26, "Second Day of Christmas"), Fixed(12, 31, "New Year's Eve"),
        ]),
        new("MT", "Malta", "Public Holidays and Other Holidays Act (Cap. 252)",
        [
            NewYear, Fixed(2, 10, "Feast of St Paul's Shipwreck"), Fixed(3, 19, "Feast of St Joseph"), Fixed(3, 31, "Freedom Day"),
            GoodFriday, Fixed(5, 1, "Worker's Day"), Fixed(6, 7, "Sette Giugno"), Fixed(6, 29, "Feast of St Peter and St Paul"),
            Assumption, Fixed(9, 8, "Victory Day"), Fixed(9, 21, "Independence Day"), ImmaculateConception,
            Fixed(12, 13, "Republic Day"), Christmas,
        ]),
        new("NL", "Netherlands", "Algemene termijnenwet art. 3(1)–(2) (recognised holidays, King's Day, 5 May, Good Friday); days equated by royal decree (art. 3(3)) left out",
        [
            NewYear, GoodFriday, EasterMonday,
            new HolidayRule("King's Day", year =>
            {
                var day = new NodaTime.LocalDate(year, 4, 27);
                return day.DayOfWeek == Dow.Sunday ? day.PlusDays(-1) : day;
            }) { FromYear = 2014 },
            Fixed(5, 5, "Liberation Day"), Ascension, WhitMonday, Christmas, Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("PL", "Poland", "Ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy, art. 1 (24 December from 2025)",
        [
            NewYear, Epiphany with { FromYear = 2011 }, EasterMonday, Fixed(5, 1, "State Holiday"), Fixed(5, 3, "Constitution Day"),
            CorpusChristi, Assumption, AllSaints, Fixed(11, 11, "Independence Day"), ChristmasEve with { FromYear = 2025 },
            Christmas, Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("PT", "Portugal", "Código do Trabalho, art. 234(1); Carnival (optional) left out",
        [
            NewYear, GoodFriday, Fixed(4, 25, "Freedom Day"), MayDay, CorpusChristi, Fixed(6, 10, "Portugal Day"), Assumption,
            Fixed(10, 5, "Republic Day"), AllSaints, Fixed(12, 1, "Restoration of Independence"), ImmaculateConception, Christmas,
        ]),
        new("RO", "Romania", "Codul muncii, art. 139(1) (6 and 7 January from 2024)",
        [
            NewYear, Fixed(1, 2, "Day after New Year's Day"), Epiphany with { FromYear = 2024 },
            Fixed(1, 7, "Synaxis of St John the Baptist") with { FromYear = 2024 }, Fixed(1, 24, "Union Day"),
            Orthodox(-2, "Good Friday"), Orthodox(1, "Easter Monday"), MayDay, Fixed(6, 1, "Children's Day"),
            Orthodox(50, "Whit Monday"), Assumption, Fixed(11, 30, "St Andrew's Day"), Fixed(12, 1, "National Day"), Christmas,
            Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("SE", "Sweden", "Lag (1989:253) om allmänna helgdagar; Midsummer Day and All Saints' Day fall on Saturdays; Midsummer, Christmas and New Year's Eves (not public holidays) left out",
        [
            NewYear, Epiphany, GoodFriday, EasterMonday, Fixed(5, 1, "May Day"), Ascension, Fixed(6, 6, "National Day"), Christmas,
            StStephen,
        ]),
        new("SI", "Slovenia", "Zakon o praznikih in dela prostih dnevih v Republiki Sloveniji (2 January again from 2017)",
        [
            NewYear, Fixed(1, 2, "New Year's Holiday") with { FromYear = 2017 }, Fixed(2, 8, "Prešeren Day"), EasterMonday,
            Fixed(4, 27, "Day of Uprising Against Occupation"), MayDay, Fixed(5, 2, "Labour Day holiday"), Fixed(6, 25, "Statehood Day"),
            Assumption, Fixed(10, 31, "Reformation Day"), AllSaints, Christmas, Fixed(12, 26, "Independence and Unity Day"),
        ]),
        new("SK", "Slovakia", "Zákon č. 241/1993 Z. z. § 2 (days of rest) as amended by the 2025 consolidation: 17 November no longer a day off from 2025, 8 May and 15 September not in 2026; 1 September not a day off since 2024",
        [
            Fixed(1, 1, "Day of the Establishment of the Slovak Republic"), Epiphany, GoodFriday, EasterMonday, MayDay,
            Fixed(5, 8, "Day of Victory over Fascism") with { UntilYear = 2025 },
            Fixed(5, 8, "Day of Victory over Fascism") with { FromYear = 2027 }, Fixed(7, 5, "Saints Cyril and Methodius Day"),
            Fixed(8, 29, "Slovak National Uprising Anniversary"), Fixed(9, 1, "Constitution Day") with { UntilYear = 2023 },
            Fixed(9, 15, "Our Lady of Seven Sorrows") with { UntilYear = 2025 }, Fixed(9, 15, "Our Lady of Seven Sorrows") with { FromYear = 2027 },
            AllSaints, Fixed(11, 17, "Struggle for Freedom and Democracy Day") with { UntilYear = 2024 },
            ChristmasEve, Christmas, StStephen,
        ]),
        new("IS", "Iceland", "Act No. 88/1971 on the 40-hour working week, Art. 6; the half-days 24 and 31 December left out",
        [
            NewYear, Easter(-3, "Maundy Thursday"), GoodFriday, EasterMonday, OnOrAfter(4, 19, Dow.Thursday, "First Day of Summer"),
            MayDay, Ascension, WhitMonday, Fixed(6, 17, "National Day"), OnOrAfter(8, 1, Dow.Monday, "Commerce Day"), Christmas,
            StStephen,
        ]),
        new("LI", "Liechtenstein", "Arbeitsgesetz Art. 18(2) (13 statutory holidays); from 2022 also the days Liechtenstein notified on 23 March 2021 under Art. 5 of the European Convention on the Calculation of Time-Limits",
        [
            NewYear, Fixed(1, 2, "Berchtold's Day") with { FromYear = 2022 }, Epiphany, Fixed(2, 2, "Candlemas") with { FromYear = 2022 },
            Easter(-47, "Shrove Tuesday") with { FromYear = 2022 }, Fixed(3, 19, "St Joseph's Day") with { FromYear = 2022 },
            GoodFriday with { FromYear = 2022 }, EasterMonday, MayDay, Ascension, WhitMonday, CorpusChristi,
            Fixed(8, 15, "National Day"), Fixed(9, 8, "Nativity of Mary"), AllSaints, ImmaculateConception,
            ChristmasEve with { FromYear = 2022 }, Christmas, StStephen, Fixed(12, 31, "New Year's Eve") with { FromYear = 2022 },
        ]),
        new("NO", "Norway", "Lov om helligdager og helligdagsfred (1995) § 2; lov om 1. og 17. mai som høgtidsdager (1947)",
        [
            NewYear, Easter(-3, "Maundy Thursday"), GoodFriday, EasterMonday, MayDay, Fixed(5, 17, "Constitution Day"), Ascension,
            WhitMonday, Christmas, Fixed(12, 26, "Second Day of Christmas"),
        ]),
        new("GB", "United Kingdom: England and Wales", "Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations (gov.uk/bank-holidays); one-off royal holidays left out",
        [
            NewYear with { Substitute = WeekendSubstitute.MoveToNextWeekday }, GoodFriday, EasterMonday, OnOrAfter(5, 1, Dow.Monday, "Early May bank holiday"),
            LastInMonth(5, Dow.Monday, "Spring bank holiday"), LastInMonth(8, Dow.Monday, "Summer bank holiday"),
            Christmas with { Substitute = WeekendSubstitute.MoveToNextWeekday }, Fixed(12, 26, "Boxing Day") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
        ]),
        new("GB-SCT", "United Kingdom: Scotland", "Banking and Financial Dealings Act 1971, Schedule 1; St Andrew's Day Bank Holiday (Scotland) Act 2007 (gov.uk/bank-holidays)",
        [
            NewYear with { Substitute = WeekendSubstitute.MoveToNextWeekday }, Fixed(1, 2, "2nd January") with { Substitute = WeekendSubstitute.MoveToNextWeekday }, GoodFriday,
            OnOrAfter(5, 1, Dow.Monday, "Early May bank holiday"), LastInMonth(5, Dow.Monday, "Spring bank holiday"),
            OnOrAfter(8, 1, Dow.Monday, "Summer bank holiday"), Fixed(11, 30, "St Andrew's Day") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
            Christmas with { Substitute = WeekendSubstitute.MoveToNextWeekday }, Fixed(12, 26, "Boxing Day") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
        ]),
        new("GB-NIR", "United Kingdom: Northern Ireland", "Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations (gov.uk/bank-holidays)",
        [
            NewYear with { Substitute = WeekendSubstitute.MoveToNextWeekday }, Fixed(3, 17, "St Patrick's Day") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
            GoodFriday, EasterMonday, OnOrAfter(5, 1, Dow.Monday, "Early May bank holiday"),
            LastInMonth(5, Dow.Monday, "Spring bank holiday"), Fixed(7, 12, "Battle of the Boyne (Orangemen's Day)") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
            LastInMonth(8, Dow.Monday, "Summer bank holiday"), Christmas with { Substitute = WeekendSubstitute.MoveToNextWeekday },
            Fixed(12, 26, "Boxing Day") with { Substitute = WeekendSubstitute.MoveToNextWeekday },
        ]),
    ];
}
