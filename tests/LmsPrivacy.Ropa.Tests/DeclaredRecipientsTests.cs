using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa.Tests;

public sealed class DeclaredRecipientsTests
{
    [Fact]
    public void From_SampleRecord_FlattensProcessorsThenTheirSubProcessors()
    {
        var declared = DeclaredRecipients.From(RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json")));

        Assert.Equal(9, declared.Count); // five recipients and four sub-processors
        var support = declared.Single(d => d.Name == "Lumen LRS Support Pvt Ltd");
        Assert.Equal((RecipientRole.SubProcessor, "IN", "Lumen LRS Inc.", "$.recipients[2].subProcessors[1]"), (support.Role, support.Country, support.Parent, support.Path));
        Assert.Equal(["lrs.lumenlrs.example", "cdn.lumenlrs.example"], declared.Single(d => d.Name == "Lumen LRS Inc.").Hosts);
    }

    [Fact]
    public void From_SampleDpa_ListsProcessorAndAuthorisedSubProcessors()
    {
        var declared = DeclaredRecipients.From(RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-good.dpa.json")));

        Assert.Equal(["Lumen LRS Inc.", "Amazon Web Services EMEA SARL", "Lumen LRS Support Pvt Ltd"], declared.Select(d => d.Name));
        Assert.Equal("Lumen LRS Inc.", declared[1].Parent);
    }

    [Theory]
    [InlineData("player.vidstream.example", true)]
    [InlineData("PLAYER.VidStream.example.", true)]
    [InlineData("eu.player.vidstream.example", true)]
    [InlineData("https://player.vidstream.example:443/embed/1", true)]
    [InlineData("evilplayer.vidstream.example", false)]
    [InlineData("vidstream.example", false)]
    [InlineData("", false)]
    public void CoversHost_ExactOrSubdomainOnly(string host, bool expected)
    {
        var recipient = new DeclaredRecipient("VidStream", RecipientRole.Processor, "US", ["player.vidstream.example"], null, "$.recipients[0]");

        Assert.Equal(expected, recipient.CoversHost(host));
    }

    [Fact]
    public void FindByHost_SubProcessorDomain_FoundUndeclaredNull()
    {
        var declared = DeclaredRecipients.From(RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json")));

        Assert.Equal("Amazon Web Services EMEA SARL", DeclaredRecipients.FindByHost(declared, "s3.eu-central-1.amazonaws.com")?.Name);
        Assert.Null(DeclaredRecipients.FindByHost(declared, "www.youtube.com"));
    }
}
