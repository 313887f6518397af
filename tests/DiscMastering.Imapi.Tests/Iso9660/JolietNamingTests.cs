using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>Joliet names: the source name as it is, except the characters the specification forbids.</summary>
public sealed class JolietNamingTests
{
    [Theory]
    [InlineData('*')]
    [InlineData('/')]
    [InlineData(':')]
    [InlineData(';')]
    [InlineData('?')]
    [InlineData('\\')]
    public void ForbiddenPunctuation_IsRefused(char c)
    {
        Assert.True(JolietNaming.IsForbidden(c));
        Assert.Equal(c, JolietNaming.FirstForbidden($"name{c}part.txt"));
    }

    [Fact]
    public void EveryControlCharacter_IsRefused()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            Assert.True(JolietNaming.IsForbidden(c), $"U+{(int)c:X4} should be forbidden");
            Assert.Equal(c, JolietNaming.FirstForbidden("a" + c + "b"));
        }
    }

    [Theory]
    [InlineData("Readme.TXT")]
    [InlineData("name with spaces.txt")]
    [InlineData("a.b.c.d")]
    [InlineData(".hidden")]
    [InlineData("Ünïcödé.txt")]
    [InlineData("日本語.txt")]
    [InlineData("emoji-😀.txt")]
    [InlineData("brackets [1] (2) {3} <4>.txt")]
    [InlineData("punctuation !\"#$%&'+,-=@^_`|~.txt")]
    public void OrdinaryNames_AreAllowed(string name)
    {
        Assert.Null(JolietNaming.FirstForbidden(name));
    }

    [Fact]
    public void FirstForbidden_ReturnsTheFirstOffendingCharacter()
    {
        Assert.Equal('?', JolietNaming.FirstForbidden("what?*:.txt"));
        Assert.Equal('\t', JolietNaming.FirstForbidden("tab\there:colon"));
    }

    [Theory]
    [InlineData(':', "':'")]
    [InlineData('*', "'*'")]
    [InlineData('\t', "U+0009")]
    [InlineData('\0', "U+0000")]
    [InlineData('\u001F', "U+001F")]
    public void Describe_QuotesPrintableCharactersAndNamesControlOnes(char c, string expected)
    {
        Assert.Equal(expected, JolietNaming.Describe(c));
    }
}
