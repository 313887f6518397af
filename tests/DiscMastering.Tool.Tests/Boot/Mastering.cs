namespace DiscMastering.Tool.Tests.Boot;

/// <summary>Who masters a boot test's disc.</summary>
public enum Mastering
{
    /// <summary>This tool: the image the test is about.</summary>
    Discmaster,

    /// <summary>xorriso with the same boot options: the control that shows the payloads and QEMU work.</summary>
    Xorriso,
}
