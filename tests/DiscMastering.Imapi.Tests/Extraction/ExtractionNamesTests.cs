using DiscMastering.Imapi.Extraction;

namespace DiscMastering.Imapi.Tests.Extraction;

/// <summary>A name from an image is written only when it is one component that stays inside the target folder.</summary>
public sealed class ExtractionNamesTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("/etc/x")]
    [InlineData("a/../../x")]
    [InlineData("a\\b")]
    [InlineData("..\\x")]
    [InlineData("C:x")]
    [InlineData("c:")]
    [InlineData("a:b")]
    [InlineData("a\u0001b")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    public void RefusesNamesThatCouldLeaveTheFolder(string name)
    {
        Assert.NotNull(ExtractionNames.Problem(name));
    }

    [Theory]
    [InlineData("readme.txt")]
    [InlineData("...")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("日本語.txt")]
    [InlineData("name with  spaces")]
    [InlineData("README.TXT")]
    public void AcceptsOrdinaryNames(string name)
    {
        Assert.Null(ExtractionNames.Problem(name));
    }

    [Fact]
    public void DisplayEscapesControlCharacters()
    {
        Assert.Equal("a\\u0001b\\u001B[2J", ExtractionNames.Display("a\u0001b\u001b[2J"));
        Assert.Equal("plain", ExtractionNames.Display("plain"));
    }
}
