using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class SubjectRequestTests
{
    [Theory]
    [InlineData(2026, 3, 5, 2026, 4, 5)]
    [InlineData(2026, 1, 31, 2026, 2, 28)]
    [InlineData(2024, 1, 31, 2024, 2, 29)]
    [InlineData(2026, 12, 15, 2027, 1, 15)]
    public void OneMonthDueDateCalculator_CalculateDue_SameDateNextMonthOrLastDay(int y, int m, int d, int ey, int em, int ed)
    {
        // Reg. 1182/71 Art. 3(2)(c) without the weekend roll: 31 Jan → end of February.
        var due = new OneMonthDueDateCalculator().CalculateDue(Instant.FromUtc(y, m, d, 12, 0), SubjectRequestKind.Access);

        Assert.Equal(new LocalDate(ey, em, ed), due);
    }

    [Fact]
    public void OneMonthDueDateCalculator_ZoneAfterMidnight_UsesLocalReceiptDate()
    {
        // 23:30 UTC on 31 March is 1 April in Berlin (UTC+2 in summer time).
        var calculator = new OneMonthDueDateCalculator(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        Assert.Equal(new LocalDate(2026, 5, 1), calculator.CalculateDue(Instant.FromUtc(2026, 3, 31, 23, 30), SubjectRequestKind.Erasure));
    }

    [Fact]
    public void SubjectRequestIntake_Receive_StampsClockAndDue()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 5, 9, 0));
        var intake = new SubjectRequestIntake(clock);

        var candidate = intake.Receive(SubjectRequestKind.Erasure, new DataSubject("42"), "r1");

        Assert.Equal("r1", candidate.Id);
        Assert.Equal(clock.GetCurrentInstant(), candidate.ReceivedAt);
        Assert.Equal(new LocalDate(2026, 4, 5), candidate.Due);
    }

    [Fact]
    public void SubjectRequestIntake_CustomCalculator_IsUsed()
    {
        var intake = new SubjectRequestIntake(new FakeClock(Instant.FromUtc(2026, 3, 5, 9, 0)), new FixedDue());

        Assert.Equal(new LocalDate(2000, 1, 1), intake.Receive(SubjectRequestKind.Access, new DataSubject("1")).Due);
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
        public LocalDate CalculateDue(Instant receivedAt, SubjectRequestKind kind) => new(2000, 1, 1);
    }
}
