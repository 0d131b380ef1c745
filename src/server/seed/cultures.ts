/**
 * Plausible local names and birth places for generated people. The lists are
 * invented from common naming patterns, not taken from any register; the
 * regional mixes are approximate design shares, not statistics.
 * - Konawe: Tolaki (the majority people of the kabupaten), Bugis settlers, and
 *   Javanese families from the transmigration villages.
 * - Pontianak: Malay (with the Syarif/Syarifah, Uray/Utin and Abang/Dayang
 *   titles of the city's old families), Chinese (Teochew/Hakka; a family name
 *   passed from father to children), Madurese, Dayak (often Catholic names),
 *   plus Bugis and Javanese.
 */
import type { Random } from './random';

export type Culture = 'tolaki' | 'bugis' | 'jawa' | 'melayu' | 'tionghoa' | 'madura' | 'dayak';
export type CultureMix = Readonly<Partial<Record<Culture, number>>>;

interface NamePool {
  male: readonly string[];
  female: readonly string[];
  /** optional second word (a second given name or a name carried in the family) */
  second?: readonly string[];
  secondShare: number;
  /** a family name shared by the father's children (Chinese families) */
  surnames?: readonly string[];
  /** younger Muslim families mostly choose names from the modern pool */
  modernMuslim: boolean;
  /** where people born before about 1990 came from (migrants) */
  oldBirthPlaces: readonly string[];
}

const MODERN_MUSLIM = {
  male: ['Muhammad Rizky', 'Muhammad Fadhil', 'Ahmad Zidan', 'Raffa', 'Azzam', 'Arkan', 'Alif', 'Fathan', 'Rafif', 'Daffa', 'Naufal', 'Zaki', 'Akbar', 'Rayyan', 'Farel', 'Muhammad Alfarizi', 'Abizar', 'Al Fatih'],
  female: ['Aisyah Putri', 'Nayla', 'Keisha', 'Syifa', 'Arsyila', 'Kayla', 'Naura', 'Zahra', 'Alya', 'Salsabila', 'Nadhira', 'Azzahra', 'Khalisa', 'Humaira', 'Aqila', 'Nur Aini', 'Adiba', 'Hafsah'],
};

const POOLS: Record<Culture, NamePool> = {
  tolaki: {
    male: ['Asrun', 'Haerun', 'Sarlin', 'Hasmin', 'Lukman', 'Kahar', 'Muhlis', 'Abdul Rauf', 'Rusdin', 'Syahrul', 'Jumadil', 'Hamzah', 'Mansyur', 'Ridwan', 'Darwis', 'Suardin', 'Arsyad', 'Ilham', 'Muh. Yusran', 'Sahrun', 'Jamaluddin', 'Masrin', 'Kasim', 'Amiruddin'],
    female: ['Nurhaya', 'Hasnawati', 'Rosmiati', 'Sitti Aisyah', 'Nurlela', 'Hasriani', 'Marwah', 'Salmiah', 'Rahmawati', 'Nurmin', 'Asnia', 'Kartini', 'Sumarni', 'Hasnia', 'Yusnia', 'Fitriani', 'Wahyuni', 'Hamsia', 'Masni', 'Irmawati'],
    second: ['Lakidende', 'Silondae', 'Tamburaka', 'Konggoasa', 'Saranani', 'Lasandara', 'Pombili', 'Ndoasa', 'Tawulo', 'Mekuo', 'Abunawas', 'Rahim', 'Sabara', 'Lapandewa'],
    secondShare: 0.45,
    modernMuslim: true,
    oldBirthPlaces: ['Unaaha', 'Konawe', 'Kendari', 'Wawotobi', 'Lambuya'],
  },
  bugis: {
    male: ['Andi Baso', 'Ambo Tang', 'Syamsuddin', 'Hasanuddin', 'Muhammad Arfah', 'Abdul Rahman', 'Amiruddin', 'Jumadi', 'Bahtiar', 'Nasrun', 'Sudirman', 'Firman', 'Alimuddin', 'Muh. Said', 'Baharuddin', 'Beddu', 'Andi Irwan', 'Mustari', 'Ambo Upe', 'Syahrir'],
    female: ['Andi Nurhayati', 'Hasnah', 'Hamsinah', 'Rosmini', 'Sitti Rahma', 'Marlina', 'Nurhaeda', 'Becce', 'Sumarni', 'Hasmawati', 'Jumriah', 'Rahmatia', 'Nurbaya', 'Saenab', 'Andi Tenri', 'Hadijah', 'Megawati', 'Nursiah'],
    second: ['Mappiasse', 'Pananrangi', 'Lamatta', 'Daeng Sikki', 'Mappanyompa', 'Tahir', 'Latif', 'Sulle', 'Ambo Dalle', 'Pawelloi'],
    secondShare: 0.3,
    modernMuslim: true,
    oldBirthPlaces: ['Bone', 'Wajo', 'Soppeng', 'Sidrap', 'Pinrang', 'Makassar'],
  },
  jawa: {
    male: ['Suparman', 'Sutrisno', 'Slamet', 'Sugiyanto', 'Wagiman', 'Budi Santoso', 'Eko Prasetyo', 'Joko Susilo', 'Agus Salim', 'Bambang', 'Supriyadi', 'Sumarno', 'Teguh Widodo', 'Wahyu Hidayat', 'Heru', 'Priyono', 'Sukirno', 'Darmaji', 'Tukiman', 'Purwanto'],
    female: ['Sri Wahyuni', 'Siti Aminah', 'Sumiati', 'Tri Handayani', 'Dwi Lestari', 'Endang Susilowati', 'Sulastri', 'Suwarni', 'Wartini', 'Rini Astuti', 'Sri Mulyani', 'Tumini', 'Painem', 'Sukarti', 'Yuliani', 'Ninik', 'Puji Rahayu', 'Kasiyem'],
    second: ['Wibowo', 'Santoso', 'Prasetyo', 'Hartono', 'Susanto', 'Nugroho', 'Setiawan', 'Rahayu', 'Lestari', 'Widodo'],
    secondShare: 0.25,
    modernMuslim: true,
    oldBirthPlaces: ['Klaten', 'Blitar', 'Ponorogo', 'Kebumen', 'Banyuwangi', 'Madiun', 'Wonogiri'],
  },
  melayu: {
    male: ['Muhammad Rizal', 'Zulkifli', 'Syarif Hamid', 'Syarif Abdullah', 'Uray Mahmud', 'Abang Zainal', 'Fauzan', 'Azmi', 'Rahmat', 'Hairul', 'Juliansyah', 'Firdaus', 'Ridwansyah', 'Herman', 'Mahmud', 'Yusuf', 'Hamdan', 'Iskandar', 'Rusli', 'Syarif Usman'],
    female: ['Nurul Hidayah', 'Rahmah', 'Syarifah Nur', 'Utin Rahmawati', 'Dayang Aisyah', 'Siti Zubaidah', 'Nurhasanah', 'Mardiana', 'Juliana', 'Rosnani', 'Normah', 'Salmah', 'Fatimah', 'Zubaidah', 'Dahlia', 'Rohani', 'Syarifah Alawiyah', 'Utin Nurjanah'],
    second: ['Alkadrie', 'Assegaf', 'Alaydrus', 'Hasan', 'Ismail', 'Abdullah', 'Idrus', 'Ahmad'],
    secondShare: 0.25,
    modernMuslim: true,
    oldBirthPlaces: ['Pontianak', 'Sambas', 'Mempawah', 'Ketapang', 'Sanggau'],
  },
  tionghoa: {
    male: ['Hendra', 'Suryadi', 'Budiman', 'Kevin', 'Vincent', 'Hartono', 'Sutanto', 'Apheng', 'Akiong', 'Ahian', 'Afuk', 'Edi', 'Rudy', 'Johan', 'Ferry', 'Andreas', 'Jason', 'Felix', 'Steven', 'Wiliam'],
    female: ['Yuliana', 'Mei Lan', 'Lili', 'Susanti', 'Fransiska', 'Jessica', 'Amei', 'Alin', 'Lina', 'Meliana', 'Natalia', 'Herlina', 'Shinta', 'Yenny', 'Cindy', 'Vanessa', 'Clarissa', 'Michelle'],
    surnames: ['Lim', 'Tan', 'Ng', 'Tjhai', 'Bong', 'Liu', 'Lie', 'Tjong', 'Chang', 'Wong', 'Lau', 'Phang', 'Sim', 'Kho'],
    secondShare: 0,
    modernMuslim: false,
    oldBirthPlaces: ['Pontianak', 'Singkawang', 'Sungai Pinyuh', 'Sambas'],
  },
  madura: {
    male: ['Moh. Sholeh', 'Abdul Rasyid', 'Holil', 'Suhaimi', 'Asmawi', 'Rusdi', 'Jamaluddin', 'Matrawi', 'Sahrawi', 'Hosnan', 'Marsuki', 'Mat Sahri', 'Busri', 'Mahrus', 'Abdul Hamid', 'Fathorrahman'],
    female: ['Maimunah', 'Misnati', 'Hosniyah', 'Rohmah', 'Sunarsih', 'Halimah', 'Munawaroh', 'Suhaini', 'Jamilah', 'Satimah', 'Marwiyah', 'Hotimah', 'Sumaiyah', 'Rukayah'],
    secondShare: 0,
    modernMuslim: true,
    oldBirthPlaces: ['Bangkalan', 'Sampang', 'Sumenep', 'Pamekasan', 'Pontianak'],
  },
  dayak: {
    male: ['Yohanes', 'Paulus', 'Agustinus', 'Fransiskus', 'Stefanus', 'Markus', 'Antonius', 'Petrus', 'Yosef', 'Lukas', 'Adrianus', 'Kristianus', 'Yakobus', 'Aloysius'],
    female: ['Maria', 'Veronika', 'Theresia', 'Agnes', 'Yuliana', 'Katarina', 'Margaretha', 'Elisabeth', 'Monika', 'Regina', 'Lusia', 'Kristina', 'Yosefina'],
    second: ['Ahim', 'Bonai', 'Ulin', 'Riban', 'Jelani', 'Dolit', 'Rabin', 'Apui', 'Kading', 'Nyangun', 'Bujang', 'Ajun'],
    secondShare: 0.7,
    modernMuslim: false,
    oldBirthPlaces: ['Landak', 'Sanggau', 'Sekadau', 'Kapuas Hulu', 'Bengkayang'],
  },
};

/** Konawe: Tolaki majority, Bugis and Javanese (transmigration) minorities. Approximate. */
export const KONAWE_MIX: CultureMix = { tolaki: 0.58, bugis: 0.22, jawa: 0.2 };
/** Pontianak: Malay and Chinese largest, then Javanese, Bugis, Madurese, Dayak. Approximate. */
export const PONTIANAK_MIX: CultureMix = { melayu: 0.3, tionghoa: 0.28, jawa: 0.12, bugis: 0.1, madura: 0.11, dayak: 0.09 };

const CULTURE_LIST: readonly Culture[] = ['tolaki', 'bugis', 'jawa', 'melayu', 'tionghoa', 'madura', 'dayak'];

export function pickCulture(rng: Random, mix: CultureMix): Culture {
  const i = rng.weighted(CULTURE_LIST.map((c) => mix[c] ?? 0));
  if (i < 0) throw new RangeError('empty culture mix');
  return CULTURE_LIST[i]!;
}

export function familyName(rng: Random, culture: Culture): string | null {
  const s = POOLS[culture].surnames;
  return s ? rng.pick(s) : null;
}

/** A full name for a person of this culture, sex and birth year; `surname` is the father's family name where the culture has one. */
export function personName(rng: Random, culture: Culture, sex: 'M' | 'F', birthYear: number, surname: string | null): string {
  const pool = POOLS[culture];
  const modern = pool.modernMuslim && birthYear >= 2005 && rng.chance(0.65);
  const given = modern ? rng.pick(sex === 'M' ? MODERN_MUSLIM.male : MODERN_MUSLIM.female) : rng.pick(sex === 'M' ? pool.male : pool.female);
  if (surname) return `${given} ${surname}`;
  if (pool.second && rng.chance(pool.secondShare)) {
    const second = rng.pick(pool.second);
    if (!given.includes(second)) return `${given} ${second}`;
  }
  return given;
}

/** Birth place: older people of migrant families were often born in the homeland; others locally. */
export function birthPlace(rng: Random, culture: Culture, birthYear: number, localPlaces: readonly string[]): string {
  if (birthYear < 1990 && rng.chance(0.6)) return rng.pick(POOLS[culture].oldBirthPlaces);
  return rng.pick(localPlaces);
}
