using LmsPrivacy.Deadlines;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class SubjectRequestTests
{
    [Theory]
    [InlineData(2026, 3, 5, 2026, 4, 6)] // 5 April 2026 is a Sunday → Monday 6 April (no country: Easter Monday is not known).
    [InlineData(2026, 1, 31, 2026, 3, 2)] // February has no 31st → Saturday 28 February → Monday 2 March.
    [InlineData(2024, 1, 31, 2024, 2, 29)] // Leap year: Thursday 29 February 2024, a working day.
    [InlineData(2026, 12, 15, 2027, 1, 15)] // Friday 15 January 2027.
    public void GdprDueDateCalculator_NoCountry_OneMonthPerRegulation1182RolledPastWeekends(int y, int m, int d, int ey, int em, int ed)
    {
        var deadline = new GdprDueDateCalculator().Calculate(Instant.FromUtc(y, m, d, 12, 0), SubjectRequestKind.Access, extended: false);

        Assert.Equal(new LocalDate(ey, em, ed), deadline.Due);
        Assert.Equal(deadline.Due, deadline.ExtensionNoticeDue);
        Assert.Null(deadline.Country);
    }

    [Fact]
    public void GdprDueDateCalculator_Austria_RollsPastEasterMonday()
    {
        // Received Thursday 5 March 2026: the month ends Sunday 5 April (Easter Sunday); Monday 6 April is Easter Monday,
        // a public holiday in Austria; so the period ends Tuesday 7 April (Reg. 1182/71 Art. 3(4)).
        var deadline = new GdprDueDateCalculator(DeadlineProfile.Eu, "AT").Calculate(Instant.FromUtc(2026, 3, 5, 9, 0), SubjectRequestKind.Erasure, extended: false);

        Assert.Equal(new LocalDate(2026, 4, 7), deadline.Due);
        Assert.Equal("AT", deadline.Country);
        Assert.Contains("Easter Monday", deadline.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GdprDueDateCalculator_ZoneAfterMidnight_UsesLocalReceiptDateAndHolidays()
    {
        // 23:30 UTC on 31 March is 1 April in Berlin (UTC+2). One month → Friday 1 May (Labour Day in Germany), then the
        // weekend → Monday 4 May. Read in UTC the receipt day is 31 March → Thursday 30 April, a working day.
        var berlin = new GdprDueDateCalculator(DeadlineProfile.Eu, "DE", DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        var utc = new GdprDueDateCalculator(DeadlineProfile.Eu, "DE");
        var received = Instant.FromUtc(2026, 3, 31, 23, 30);

        Assert.Equal(new LocalDate(2026, 5, 4), berlin.Calculate(received, SubjectRequestKind.Access, extended: false).Due);
        Assert.Equal(new LocalDate(2026, 4, 30), utc.Calculate(received, SubjectRequestKind.Access, extended: false).Due);
    }

    [Fact]
    public void GdprDueDateCalculator_UkProfile_RollsPastChristmasAndBoxingDaySubstitute()
    {
        // Received Wednesday 25 November 2026: due Friday 25 December (Christmas); 26-27 December is a weekend; Boxing Day
        // falls on a Saturday so Monday 28 December is the substitute bank holiday in England; due Tuesday 29 December.
        var deadline = new GdprDueDateCalculator(DeadlineProfile.Uk, "GB").Calculate(Instant.FromUtc(2026, 11, 25, 10, 0), SubjectRequestKind.Access, extended: false);

        Assert.Equal(new LocalDate(2026, 12, 29), deadline.Due);
    }

    [Fact]
    public void GdprDueDateCalculator_CountryDoesNotFitProfile_ThrowsAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new GdprDueDateCalculator(DeadlineProfile.Eu, "GB"));
        Assert.Throws<ArgumentException>(() => new GdprDueDateCalculator(DeadlineProfile.Uk, "FR"));
        Assert.Throws<ArgumentException>(() => new GdprDueDateCalculator(DeadlineProfile.Eu, "XX"));
    }

    [Fact]
    public void SubjectRequestIntake_Receive_StampsClockDueNoticeAndReason()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 5, 9, 0));
        var intake = new SubjectRequestIntake(clock, new GdprDueDateCalculator(DeadlineProfile.Eu, "AT"));

        var candidate = intake.Receive(SubjectRequestKind.Erasure, new DataSubject("42"), "r1");

        Assert.Equal("r1", candidate.Id);
        Assert.Equal(clock.GetCurrentInstant(), candidate.ReceivedAt);
        Assert.Equal(new LocalDate(2026, 4, 7), candidate.Due);
        Assert.Equal(new LocalDate(2026, 4, 7), candidate.ExtensionNoticeDue);
        Assert.False(candidate.Extended);
        Assert.Contains("Regulation 1182/71", candidate.DueReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectRequestIntake_DefaultCalculator_IsGdprCountingNotOneMonthPlaceholder()
    {
        // Received Saturday 31 January 2026 → 28 February is a Saturday → Monday 2 March (the placeholder gave 28 February).
        var intake = new SubjectRequestIntake(new FakeClock(Instant.FromUtc(2026, 1, 31, 9, 0)));

        Assert.Equal(new LocalDate(2026, 3, 2), intake.Receive(SubjectRequestKind.Access, new DataSubject("1")).Due);
    }

    [Fact]
    public void SubjectRequestIntake_Extend_MovesDueAndKeepsNoticeDate()
    {
        // Received 31 January 2026: the first month ends Saturday 28 February → notice by Monday 2 March; two further months
        // from the unmoved 28 February → Tuesday 28 April 2026.
        var intake = new SubjectRequestIntake(new FakeClock(Instant.FromUtc(2026, 1, 31, 9, 0)));
        var candidate = intake.Receive(SubjectRequestKind.Access, new DataSubject("1"), "r1");

        var extended = intake.Extend(candidate);

        Assert.True(extended.Extended);
        Assert.Equal(new LocalDate(2026, 4, 28), extended.Due);
        Assert.Equal(new LocalDate(2026, 3, 2), extended.ExtensionNoticeDue);
        Assert.Equal(candidate.ReceivedAt, extended.ReceivedAt);
        Assert.Equal("r1", extended.Id);
        var approved = extended.Approve("dpo", extended.ReceivedAt);
        Assert.Equal(new LocalDate(2026, 3, 2), approved.ExtensionNoticeDue);
        Assert.Contains("Extended by two further months", approved.DueReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectRequestIntake_ExtendInAustria_TwoMonthsFromUnmovedEndOfFirstMonth()
    {
        // Received 5 March 2026: first month ends Sunday 5 April (Easter) → notice by Tuesday 7 April (Easter Monday 6 April).
        // Two further months from the unmoved 5 April → Friday 5 June 2026 (Corpus Christi is Thursday 4 June), a working day.
        var intake = new SubjectRequestIntake(new FakeClock(Instant.FromUtc(2026, 3, 5, 9, 0)), new GdprDueDateCalculator(DeadlineProfile.Eu, "AT"));

        var extended = intake.Extend(intake.Receive(SubjectRequestKind.Erasure, new DataSubject("42")));

        Assert.Equal(new LocalDate(2026, 6, 5), extended.Due);
        Assert.Equal(new LocalDate(2026, 4, 7), extended.ExtensionNoticeDue);
    }

    [Fact]
    public void CandidateSubjectRequest_DueGivenByCaller_NoticeEqualsDueAndNoReason()
    {
        var candidate = new CandidateSubjectRequest("r", SubjectRequestKind.Access, new DataSubject("1"), TestData.Received, new LocalDate(2026, 2, 28));

        Assert.Equal(new LocalDate(2026, 2, 28), candidate.ExtensionNoticeDue);
        Assert.Null(candidate.DueReason);
    }

    [Fact]
    public void SubjectRequestIntake_CustomCalculator_IsUsed()
    {
        var intake = new SubjectRequestIntake(new FakeClock(Instant.FromUtc(2026, 3, 5, 9, 0)), new FixedDue());

        Assert.Equal(new LocalDate(2000, 1, 3), intake.Receive(SubjectRequestKind.Access, new DataSubject("1")).Due);
    }

    [Fact]
    public void Approve_BeforeReceipt_Throws()
    {
        var candidate = new CandidateSubjectRequest("r", SubjectRequestKind.Access, new DataSubject("1"), TestData.Received, new LocalDate(2026, 2, 28));

        Assert.Throws<ArgumentOutOfRangeException>(() => candidate.Approve("dpo", TestData.Received - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Approve_CopiesCandidate()
    {
        var approved = TestData.Request(SubjectRequestKind.Erasure);

        Assert.Equal("req-1", approved.Id);
        Assert.Equal("42", approved.Subject.Id);
        Assert.Equal("dpo", approved.ApprovedBy);
        Assert.Equal(SubjectRequestKind.Erasure, approved.Kind);
    }

    [Fact]
    public void DataSubject_ToString_DoesNotShowIdentifiers()
    {
        var subject = new DataSubject("42").WithIdentifier(SubjectIdentifier.EmailKind, "ada@example.org");

        Assert.DoesNotContain("ada@example.org", subject.ToString(), StringComparison.Ordinal);
        Assert.Equal(["ada@example.org"], subject.IdentifiersOf(SubjectIdentifier.EmailKind));
    }

    [Fact]
    public void PersonalDataStoreRegistry_DuplicateOrBadName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonalDataStoreRegistry([new NullStore("a"), new NullStore("a")]));
        Assert.Throws<ArgumentException>(() => new PersonalDataStoreRegistry([new NullStore("../evil")]));
        Assert.Equal(["a", "b"], new PersonalDataStoreRegistry([new NullStore("b"), new NullStore("a")]).Stores.Select(s => s.Name));
    }

    private sealed class FixedDue : ISubjectRequestDueDateCalculator
    {
        public SubjectRequestDeadline Calculate(Instant receivedAt, SubjectRequestKind kind, bool extended) =>
            SubjectRequestDeadlines.Compute(new LocalDate(1999, 12, 1)); // 1 January 2000 is a Saturday → Monday 3 January.
    }
}
