namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>One used entry of a GPT partition entry array (UEFI 2.10 5.3.3, table 5.22).</summary>
/// <param name="Index">The entry's place in the array, from 1.</param>
/// <param name="Type">The partition type GUID.</param>
/// <param name="Id">The partition's unique GUID.</param>
/// <param name="FirstLba">The first sector (512 bytes).</param>
/// <param name="LastLba">The last sector, inclusive.</param>
/// <param name="Attributes">The attribute bits.</param>
/// <param name="Name">The partition's name (UTF-16, up to 36 characters), without its zero padding.</param>
public sealed record GptPartitionInfo(int Index, Guid Type, Guid Id, ulong FirstLba, ulong LastLba, ulong Attributes, string Name)
{
    /// <summary>UEFI 2.10 table 5.23: the EFI system partition.</summary>
    public static readonly Guid EfiSystem = new("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");

    /// <summary>Microsoft basic data, as Windows and isohybrid images mark a data partition.</summary>
    public static readonly Guid MicrosoftBasicData = new("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7");

    /// <summary>Apple HFS+.</summary>
    public static readonly Guid AppleHfsPlus = new("48465300-0000-11AA-AA11-00306543ECAC");

    /// <summary>The well-known name of <see cref="Type"/>, or null when it is not one of those.</summary>
    public string? TypeName => NameOf(Type);

    /// <summary>The name of a well-known partition type, or null.</summary>
    public static string? NameOf(Guid type) =>
        type == EfiSystem ? "EFI System"
        : type == MicrosoftBasicData ? "Microsoft basic data"
        : type == AppleHfsPlus ? "Apple HFS+"
        : null;
}
