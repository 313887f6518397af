namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>Names longer than Joliet's 64 characters, for images made with <c>JolietLongNames</c>.</summary>
internal static class LongNames
{
    /// <summary>Exactly 100 characters.</summary>
    public static readonly string HundredCharacterName = "a-hundred-characters-" + new string('h', 100 - "a-hundred-characters-".Length - ".txt".Length) + ".txt";

    /// <summary>A folder name of exactly 100 characters.</summary>
    public static readonly string HundredCharacterFolder = "folder-of-a-hundred-characters-" + new string('f', 100 - "folder-of-a-hundred-characters-".Length);
}
