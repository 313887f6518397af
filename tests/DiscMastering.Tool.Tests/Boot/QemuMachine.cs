using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace DiscMastering.Tool.Tests.Boot;

/// <summary>
/// A QEMU PC in software emulation (no KVM needed) booting an image from its CD-ROM drive, with COM1 on
/// QEMU's standard output. The boot succeeds when a marker appears on the serial port; QEMU is then stopped.
/// </summary>
public sealed class QemuMachine(Firmware firmware, string workFolder)
{
    /// <summary>The serial log kept for a failure message; a payload looping on the port cannot fill the memory.</summary>
    private const int SerialLogLimit = 1 << 20;

    /// <summary>OVMF starts its built-in shell only when every boot option has failed: no need to wait for the timeout.</summary>
    private const string OvmfGaveUp = "UEFI Interactive Shell";

    public Firmware Firmware { get; } = firmware;

    /// <summary>Boots <paramref name="image"/> as a CD-ROM until <paramref name="marker"/> appears on COM1; fails with the serial log after <paramref name="timeout"/>.</summary>
    public BootRun BootFromCdrom(string image, string marker, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(BootTools.Qemu.Locate())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(image))
        {
            start.ArgumentList.Add(argument);
        }

        var serial = new StringBuilder();
        var markerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gaveUpText = Firmware == Firmware.Ovmf ? OvmfGaveUp : null;
        var clock = Stopwatch.StartNew();
        using var qemu = Process.Start(start) ?? throw new XunitException("qemu-system-x86_64 could not be started");
        var error = qemu.StandardError.ReadToEndAsync();
        var reading = Task.Run(() => ReadSerial(qemu.StandardOutput.BaseStream, serial, [(marker, markerSeen), (gaveUpText, gaveUp)]));
        var exited = qemu.WaitForExitAsync();

        var first = Task.WaitAny([markerSeen.Task, gaveUp.Task, exited], timeout);
        var elapsed = clock.Elapsed;
        if (!qemu.HasExited)
        {
            qemu.Kill(entireProcessTree: true);
        }

        qemu.WaitForExit();
        reading.Wait(TimeSpan.FromSeconds(10));
        var log = Snapshot(serial);
        if (markerSeen.Task.IsCompleted)
        {
            return new BootRun(elapsed, log);
        }

        var outcome = first switch
        {
            < 0 => $"did not show it within {timeout.TotalSeconds:F0} s",
            1 => "found nothing to boot (OVMF started its shell)",
            _ => $"exited with {qemu.ExitCode} before showing it",
        };
        throw new XunitException($"{Firmware} booting {image} from CD-ROM {outcome} ('{marker}' expected on COM1)\n"
            + $"qemu-system-x86_64 {string.Join(' ', start.ArgumentList)}\n--- serial ---\n{Readable(log)}\n--- stderr ---\n{error.Result}");
    }

    private List<string> Arguments(string image)
    {
        List<string> arguments =
        [
            "-accel", "tcg", "-m", "256",
            "-display", "none", "-monitor", "none", "-serial", "stdio", "-nic", "none", "-no-reboot",
        ];
        if (Firmware == Firmware.Ovmf)
        {
            // OVMF writes its variable store: each boot gets its own copy of the template.
            var (code, variablesTemplate) = BootTools.Ovmf();
            var variables = Path.Combine(workFolder, $"ovmf-vars-{Guid.NewGuid():N}.fd");
            File.Copy(variablesTemplate, variables);
            arguments.AddRange(
            [
                "-machine", "q35",
                "-drive", $"if=pflash,format=raw,unit=0,readonly=on,file={code}",
                "-drive", $"if=pflash,format=raw,unit=1,file={variables}",
            ]);
        }

        // Where -cdrom puts it (IDE index 2, a SATA port on q35), so the machine has no second, empty drive.
        arguments.AddRange(["-drive", $"file={image},format=raw,if=ide,index=2,media=cdrom,readonly=on", "-boot", "d"]);
        return arguments;
    }

    /// <summary>Collects COM1's output and completes each watch's source when its text (if any) shows.</summary>
    private static async Task ReadSerial(Stream output, StringBuilder serial, (string? Text, TaskCompletionSource Seen)[] watches)
    {
        var buffer = new byte[4096];
        int count;
        while ((count = await output.ReadAsync(buffer)) > 0)
        {
            lock (serial)
            {
                var previous = serial.Length;
                serial.Append(Encoding.Latin1.GetString(buffer, 0, count));
                foreach (var (text, seen) in watches)
                {
                    // A text may straddle two reads: search from just before the new output.
                    var from = Math.Max(0, previous - (text?.Length ?? 0));
                    if (text is not null && serial.ToString(from, serial.Length - from).Contains(text, StringComparison.Ordinal))
                    {
                        seen.TrySetResult();
                    }
                }

                if (serial.Length > SerialLogLimit)
                {
                    serial.Remove(0, serial.Length - SerialLogLimit / 2);
                }
            }
        }
    }

    private static string Snapshot(StringBuilder serial)
    {
        lock (serial)
        {
            return serial.ToString();
        }
    }

    /// <summary>The log's tail with the firmware's terminal escapes made visible.</summary>
    private static string Readable(string log)
    {
        var tail = log.Length > 6000 ? "..." + log[^6000..] : log;
        return tail.Replace("\u001b", "^[", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
    }
}
