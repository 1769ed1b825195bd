// an ELF and the two images, a size report of the linked firmware, the esptool line; the rerun only rewrites
// the header of the main image
def log = new File(basedir, 'build.log').text
def espgen = new File(basedir, 'target/espgen')
def elf = new File(espgen, 'standin-sdk.elf')
def main = new File(espgen, 'standin-sdk-0x00000.bin')
def irom = new File(espgen, 'standin-sdk-0x10000.bin')
[elf, main, irom].each { assert it.isFile() : "no $it" }

byte[] image = main.bytes
assert (image[0] & 0xFF) == 0xE9
assert (image[2] & 0xFF) == 2 : 'the last build asked for dio'
assert (image[3] & 0xFF) == 0x40
assert image.length % 16 == 0
assert irom.length() % 4 == 0

assert log.contains("espgen: linked ${elf.canonicalPath} with the SDK in")
assert log.contains('espgen linked firmware size: standin-sdk.elf')
assert log.contains('espgen: flash with: esptool.py --chip esp8266 write_flash --flash_mode qio --flash_size 4MB ' +
        "--flash_freq 40m 0x00000 ${main.canonicalPath} 0x10000 ${irom.canonicalPath}")
assert log.contains('--flash_mode dio')
assert log.contains('espgen: objects up to date')
assert log.contains('espgen: standin-sdk.elf up to date')
assert log.count('espgen: wrote standin-sdk-0x00000.bin') == 2
assert log.count('espgen: wrote standin-sdk-0x10000.bin') == 1
def report = new File(espgen, 'size-report.txt').text
assert report.contains('espgen linked firmware size: standin-sdk.elf') : report
return true
