/** Thrown when a part is not what it should be; callers fall back to ExcelJS or report damage. */
export class PackageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageFormatError";
  }
}
