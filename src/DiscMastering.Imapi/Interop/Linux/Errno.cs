namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>The Linux errno values this library reacts to (asm-generic/errno-base.h, errno.h).</summary>
internal static class Errno
{
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EACCES = 13;
    public const int EXDEV = 18;
    public const int EINVAL = 22;
    public const int ENOTDIR = 20;
    public const int ENOSYS = 38;
    public const int ELOOP = 40;
    public const int EOPNOTSUPP = 95;
}
