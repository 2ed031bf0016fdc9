using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Tests.Evaluation;

public sealed class RetentionStatusesTests
{
    [Theory]
    [InlineData(RetentionStatus.Expired, "expired")]
    [InlineData(RetentionStatus.PartlyExpired, "partly-expired")]
    [InlineData(RetentionStatus.NotExpired, "not-expired")]
    [InlineData(RetentionStatus.NoAnchor, "no-anchor")]
    [InlineData(RetentionStatus.Ineligible, "ineligible")]
    [InlineData(RetentionStatus.NeedsReview, "needs-review")]
    public void ToCode_IssueWireNames_RoundTrip(RetentionStatus status, string code)
    {
        Assert.Equal(code, status.ToCode());
        Assert.True(RetentionStatuses.TryParse(code, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void ContextKinds_ParseUnknown_Throws()
    {
        Assert.False(ContextKinds.TryParse("Course", out _));
        Assert.Throws<FormatException>(() => ContextKinds.Parse("activity"));
        Assert.Equal(ContextKind.Block, ContextKinds.Parse("block"));
    }
}
