namespace DiscMastering.Imapi.Iso9660.Reading.RockRidge;

/// <summary>A Rock Ridge entry's POSIX file attributes, from its PX entry (RRIP 1.12 4.1.1).</summary>
/// <param name="Mode">st_mode: the file type bits (S_IFDIR, S_IFREG, S_IFLNK...) and the permission bits.</param>
/// <param name="Links">st_nlink.</param>
/// <param name="UserId">st_uid.</param>
/// <param name="GroupId">st_gid.</param>
/// <param name="SerialNumber">st_ino, in the 44-byte form of RRIP 1.12; null in the 36-byte form of RRIP 1.10.</param>
public sealed record PosixAttributes(uint Mode, uint Links, uint UserId, uint GroupId, uint? SerialNumber)
{
    /// <summary>The permission bits (and set-user-ID, set-group-ID, sticky) as .NET names them.</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    /// <summary>The mode as <c>ls -l</c> shows it, such as <c>-rwxr-xr-x</c> or <c>drwxr-xr-x</c>.</summary>
    public string Symbolic
    {
        get
        {
            // POSIX file type bits (S_IFMT), as RRIP 1.12 4.1.1 takes them.
            var type = (Mode & 0xF000) switch
            {
                0x4000 => 'd',
                0xA000 => 'l',
                0x2000 => 'c',
                0x6000 => 'b',
                0x1000 => 'p',
                0xC000 => 's',
                _ => '-',
            };
            Span<char> text = ['-', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
            text[0] = type;
            const string letters = "rwxrwxrwx";
            for (var i = 0; i < 9; i++)
            {
                if ((Mode & (1u << (8 - i))) != 0)
                {
                    text[1 + i] = letters[i];
                }
            }

            Special(text, 3, 0x800, 's');
            Special(text, 6, 0x400, 's');
            Special(text, 9, 0x200, 't');
            return new string(text);
        }
    }

    /// <summary>The octal mode, such as <c>100755</c>.</summary>
    public string Octal => Convert.ToString(Mode, 8);

    private void Special(Span<char> text, int position, uint bit, char letter)
    {
        if ((Mode & bit) != 0)
        {
            text[position] = text[position] == '-' ? char.ToUpperInvariant(letter) : letter;
        }
    }
}
