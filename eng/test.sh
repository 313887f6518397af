#!/usr/bin/env bash
# Runs every test. The image tests check images with readers nobody here wrote (7z, xorriso, isoinfo,
# libcdio, pycdlib), the recording tests run the real libburn on stdio: pseudo-drives, the Windows interop
# tests drive a native IMAPI fake built with the C compiler, the win-x64 tool runs under Wine, and bootable
# images are booted in QEMU: this installs the Debian packages that hold them when any is missing.
# Ends with the totals on a line of their own: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v 7z >/dev/null || missing+=(p7zip-full)
command -v xorriso >/dev/null || missing+=(xorriso)
command -v isoinfo >/dev/null && command -v genisoimage >/dev/null || missing+=(genisoimage)
command -v iso-info >/dev/null && command -v iso-read >/dev/null || missing+=(libcdio-utils)
/usr/bin/python3 -c 'import pycdlib' 2>/dev/null || missing+=(python3-pycdlib)
command -v setpriv >/dev/null || missing+=(util-linux)
/sbin/ldconfig -p | grep -q 'libburn\.so\.4 ' || missing+=(libburn4)
command -v cc >/dev/null || missing+=(gcc libc6-dev)          # builds the native IMAPI fake the Windows interop tests drive
command -v wine >/dev/null || missing+=(wine wine64)         # runs the win-x64 build of the tool
command -v sox >/dev/null || missing+=(sox)                  # makes WAV files of exact lengths for the audio tests
command -v cd-info >/dev/null || missing+=(libcdio-utils)     # reads cue sheets and CD-TEXT back
command -v mformat >/dev/null && command -v mcopy >/dev/null || missing+=(mtools)  # makes EFI System Partition images, reads them back through the GPT
[[ -x /usr/sbin/sfdisk ]] || missing+=(fdisk)                 # reads the hybrid images' GPT
command -v nasm >/dev/null || missing+=(nasm)                # assembles the BIOS boot image the boot tests boot
command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)  # boots the images (software emulation, SeaBIOS)
[[ -e /usr/share/OVMF/OVMF_CODE_4M.fd || -e /usr/share/OVMF/OVMF_CODE.fd ]] || missing+=(ovmf)  # the UEFI firmware QEMU boots them with
[[ -e /usr/lib/grub/i386-pc/kernel.img ]] || missing+=(grub-pc-bin)  # GRUB's BIOS modules (grub-mkimage comes with grub-common)
[[ -e /usr/lib/grub/x86_64-efi/kernel.img ]] || missing+=(grub-efi-amd64-bin)  # GRUB's UEFI modules
command -v udfinfo >/dev/null || missing+=(udftools)          # udfinfo checks UDF volumes; mkudffs makes foreign ones for the UDF reader
command -v clang >/dev/null && command -v objcopy >/dev/null || missing+=(clang binutils)  # links the Native AOT build of the tool (linux-x64 package, native tests)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "Installing ${missing[*]}..."
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
      || { echo "apt-get install ${missing[*]} failed"; exit 1; }
  else
    echo "The tests need: sudo apt-get install ${missing[*]}"
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test DiscMastering.Build.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 27, Skipped: 0, ...".
read -r passed failed < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | awk '{ gsub(",", ""); f += $2; p += $4 } END { print p + 0, f + 0 }')
if ((status != 0 && failed == 0)); then failed=1; fi  # a build error runs no test but must not read as green
echo "$passed passed, $failed failed"
exit "$status"
