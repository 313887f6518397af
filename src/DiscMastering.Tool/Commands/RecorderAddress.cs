namespace DiscMastering.Tool.Commands;

/// <summary>The words every recorder command uses for its <c>--recorder</c> option.</summary>
internal static class RecorderAddress
{
    public const string Template = "-r|--recorder <RECORDER>";

    public const string Description = "The recorder: an index from 'discmaster recorders', a device such as /dev/sr0, or stdio:/path/file (a file written as if it were a blank disc).";

    public const string Missing = "name the recorder with --recorder: an index from 'dotnet discmaster recorders', a device such as /dev/sr0, or stdio:/path/file";
}
