using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Records;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Ropa.Tests;

/// <summary>Builders and sample paths shared by the Ropa tests.</summary>
internal static class TestData
{
    public static readonly LocalDate Today = new(2026, 11, 24);

    public static FakeClock Clock => new(Today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());

    public static RopaChecker Checker => new(Clock);

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "samples", "ropa")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        }
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "ropa", name);

    public static byte[] SampleBytes(string name) => File.ReadAllBytes(Sample(name));

    public static Recipient Processor(string id = "proc", string country = "DE") => new()
    {
        Id = id,
        Name = "Hosting GmbH",
        Role = RecipientRole.Processor,
        Country = country,
        Contract = "DPA-1",
        SubProcessors = [],
    };

    /// <summary>A minimal controller record that passes every check (asserted by a test).</summary>
    public static RecordOfProcessing ValidController() => new()
    {
        Kind = RecordKind.Controller,
        Organisation = new Party { Name = "Example College", Email = "privacy@college.example", Country = "DE" },
        SecurityMeasures = ["MFA for staff", "encryption at rest"],
        Activities = [Activity()],
        Recipients = [Processor()],
    };

    public static ProcessingActivity Activity(string id = "enrolment") => new()
    {
        Id = id,
        Name = "Enrolment",
        Purposes = [new Purpose { Description = "Enrol learners in courses", LawfulBasis = LawfulBasis.Contract }],
        DataSubjects = ["learners"],
        PersonalData = [new DataItem { Category = Classification.DataCategory.DirectIdentifier, Label = "name, e-mail" }],
        Recipients = ["proc"],
        Retention = new Retention { Period = Period.FromYears(1), Trigger = "course end" },
    };

    public static RecordOfProcessing WithActivity(this RecordOfProcessing record, ProcessingActivity activity) =>
        record with { Activities = [activity] };

    public static RecordOfProcessing WithRecipient(this RecordOfProcessing record, Recipient recipient) =>
        record with { Recipients = [recipient] };
}
