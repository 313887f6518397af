using DiscMastering.Imapi.Iso9660.RockRidge;

namespace DiscMastering.Imapi.Tests.Iso9660.RockRidge;

public sealed class FileModeRuleTests
{
    [Theory]
    [InlineData("**/*.sh=755", "**/*.sh", 0x1ED)]
    [InlineData("bin/tool=0700", "bin/tool", 0x1C0)]
    [InlineData("bin/tool=00700", "bin/tool", 0x1C0)]
    [InlineData("a=b/c=644", "a=b/c", 0x1A4)]
    [InlineData("x=7777", "x", 0xFFF)]
    [InlineData("x=0", "x", 0)]
    [InlineData("docs/=750", "docs/", 0x1E8)]
    public void Parse_ReadsPatternAndOctalMode(string rule, string pattern, int permissions)
    {
        var parsed = FileModeRule.Parse(rule);

        Assert.Equal(pattern, parsed.Glob.Pattern);
        Assert.Equal(permissions, parsed.Permissions);
    }

    [Theory]
    [InlineData("no-equals")]
    [InlineData("=755")]
    [InlineData("/=755")]
    [InlineData("x=")]
    [InlineData("x=8")]
    [InlineData("x=rwx")]
    [InlineData("x=-1")]
    [InlineData("x=+755")]
    [InlineData("x=10000")]
    [InlineData("x=000755")]
    public void Parse_RefusesAMalformedRule(string rule)
    {
        var e = Assert.Throws<DiscMasteringException>(() => FileModeRule.Parse(rule));

        Assert.Equal(DiscMasteringError.InvalidFileModeRule, e.Error);
        Assert.Contains(rule, e.Message);
        Assert.Contains("GLOB=OCTAL", e.Message);
    }

    [Fact]
    public void Create_RefusesBitsBeyondPermissions()
    {
        var e = Assert.Throws<DiscMasteringException>(() => FileModeRule.Create("x", 0x1000));

        Assert.Equal(DiscMasteringError.InvalidFileModeRule, e.Error);
    }
}
