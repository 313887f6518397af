namespace DiscMastering.Tool.Tests.Boot;

/// <summary>A boot that reached its marker: how long it took from starting QEMU, and what the serial port carried.</summary>
public sealed record BootRun(TimeSpan Elapsed, string SerialLog);
