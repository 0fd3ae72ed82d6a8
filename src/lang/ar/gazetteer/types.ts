// The shape of a gazetteer entry. Kept apart from index.ts so the generated places.ts can import it
// without importing the loader.

/** Entity type, as in the project's NER labels. */
export type PlaceType = 'GPE' | 'LOC' | 'FAC';

/**
 * country | admin1 | city | district | region (GPE or LOC) | river | mountain | sea | strait | canal
 * | base | airport | dam | camp | prison | port | refinery | crossing | site
 */
export type PlaceKind = string;

export interface Place {
  /** `gn:<GeoNames id>` when GeoNames knows the place, `iso:<ISO 3166 code>` for countries, `rasd:<kind>:<key>` for curated features. */
  id: string;
  /** Canonical Arabic name. */
  name: string;
  /** Every Arabic spelling, canonical first; spellings that differ only by hamza, ى/ي, ة/ه or harakat are listed once. */
  names: readonly string[];
  /** Names that are also ordinary words or people's names: findPlaces matches them only after a place word («مدينة الباب»). */
  ambiguous?: readonly string[];
  type: PlaceType;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2; '' for seas and regions that span countries. */
  country: string;
  lat: number;
  lon: number;
  population?: number;
  /** A national capital. */
  capital?: boolean;
  /** ISO 3166-2 code of an admin-1 unit. */
  iso?: string;
}
