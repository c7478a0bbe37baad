import type { EthnicityCode, LanguageCode } from "@family-story/domain";

/**
 * Invented people need names from the communities the two boroughs serve. Each entry is a
 * group of spellings of one name (Mohammed, Muhammad, Mohamed...): a person is registered
 * under one, and some carry another as an "other name", the way agencies really record them.
 */
export type NameGroup = readonly string[];

export interface Community {
  key: string;
  weight: number;
  ethnicity: EthnicityCode;
  language: LanguageCode;
  male: readonly NameGroup[];
  female: readonly NameGroup[];
  family: readonly NameGroup[];
  /** Women may keep or be registered under their own family name (Begum, Khatun). */
  femaleFamily?: readonly NameGroup[];
  /** Given names follow the father's (Somali and Eritrean naming), not a shared surname. */
  patronymic?: boolean;
}

const g = (...spellings: string[]): NameGroup => spellings;
const one = (...names: string[]): NameGroup[] => names.map((n) => [n]);

export const COMMUNITIES: readonly Community[] = [
  {
    key: "british", weight: 28, ethnicity: "WBRI", language: "eng",
    male: [...one("Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Noah", "Alfie", "Joshua", "Daniel", "Samuel", "Lewis", "Ryan", "Callum", "Liam", "Ethan", "Mason", "Leo"), g("Stephen", "Steven"), g("Philip", "Phillip")],
    female: [...one("Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Poppy", "Ella", "Chloe", "Jessica", "Megan", "Holly", "Ruby", "Evie", "Freya", "Charlotte"), g("Catherine", "Katherine", "Kathryn"), g("Zoe", "Zoë"), g("Sarah", "Sara")],
    family: [...one("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Harris", "Martin", "Cooper", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Baker", "Ward", "Carter", "Mitchell", "Parker", "Bennett", "Cook", "Bell"), g("Clarke", "Clark"), g("Thomson", "Thompson"), g("Phillips", "Philips")],
  },
  {
    key: "irish", weight: 4, ethnicity: "WIRI", language: "eng",
    male: [g("Sean", "Seán", "Shaun"), g("Padraig", "Pádraig", "Patrick"), g("Oisin", "Oisín"), ...one("Conor", "Cian", "Niall", "Darragh", "Ciaran", "Eoin", "Declan")],
    female: [g("Aoife"), g("Siobhan", "Siobhán"), g("Niamh"), g("Saoirse"), g("Roisin", "Róisín"), ...one("Ciara", "Orla", "Sinead", "Aisling", "Grainne")],
    family: [g("O'Sullivan", "Sullivan"), g("O'Brien", "OBrien"), g("O'Connor", "Connor"), ...one("Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "McCarthy", "Doyle", "Gallagher", "Quinn", "Kavanagh", "Brennan"), g("McDonagh", "MacDonagh"), g("Ward")],
  },
  {
    key: "somali", weight: 7, ethnicity: "BAFR", language: "som", patronymic: true,
    male: [g("Mohamed", "Mohammed", "Muhammad", "Mohamud"), g("Abdi", "Abdy"), g("Ahmed", "Axmed", "Ahmad"), g("Hassan", "Xasan", "Hasan"), g("Ali", "Cali"), g("Yusuf", "Yousuf"), g("Abdirahman", "Abdulrahman"), g("Omar", "Cumar"), ...one("Farah", "Jama", "Warsame", "Aden", "Ismail", "Nur", "Osman", "Hussein", "Mahad", "Guled")],
    female: [g("Fadumo", "Faduma", "Fatuma"), g("Hodan"), g("Amina", "Aamina"), g("Sahra", "Sahro"), g("Ayan", "Ayaan"), g("Hibo", "Hiba"), g("Khadija", "Khadra", "Hadija"), ...one("Ubah", "Nimco", "Ifrah", "Idil", "Sagal")],
    family: [g("Mohamed", "Mohammed", "Mohamud"), g("Abdi"), g("Hassan", "Xasan"), g("Ali"), g("Farah"), g("Jama"), g("Warsame"), g("Aden", "Adan"), g("Osman", "Cismaan"), g("Hussein", "Hussain", "Xuseen"), g("Omar", "Cumar"), g("Nur", "Noor"), g("Ismail", "Ismaaciil"), g("Egal"), g("Duale", "Dualeh"), g("Yusuf", "Yousuf"), g("Abdullahi", "Abdulahi")],
  },
  {
    key: "bangladeshi", weight: 8, ethnicity: "ABAN", language: "ben",
    male: [g("Mohammed", "Muhammad", "Mohammad", "Md"), g("Abdul"), g("Rahim", "Raheem"), g("Shahid", "Shaheed"), g("Rafiq", "Rafique"), g("Jamal"), g("Kamrul"), g("Sayed", "Syed"), g("Shafiqul"), g("Arif"), g("Tanvir"), g("Imran"), g("Mizanur"), g("Habibur"), g("Nazrul")],
    female: [g("Fatema", "Fatima", "Fatimah"), g("Nasima", "Nasimah"), g("Rokeya", "Rokeia"), g("Salma", "Salmah"), g("Taslima"), g("Ruma"), g("Shirin", "Shireen"), g("Sumaiya", "Sumaya"), g("Nusrat"), g("Rehana", "Rihana"), g("Tahmina"), g("Jannat")],
    family: [g("Chowdhury", "Choudhury", "Chaudhry", "Chowdhry"), g("Rahman", "Rehman"), g("Uddin", "Udin"), g("Miah", "Mia", "Miya"), g("Ahmed", "Ahmad"), g("Islam"), g("Hossain", "Hussain", "Hossen"), g("Ali"), g("Alam"), g("Haque", "Hoque", "Huq"), g("Sheikh", "Shaikh"), g("Khan"), g("Bhuiyan", "Bhuiya"), g("Karim", "Kareem")],
    femaleFamily: [g("Begum"), g("Khatun", "Khatoon"), g("Bibi")],
  },
  {
    key: "pakistani", weight: 5, ethnicity: "APKN", language: "urd",
    male: [g("Muhammad", "Mohammed", "Mohammad"), g("Imran"), g("Bilal"), g("Usman", "Osman", "Uthman"), g("Zain", "Zayn"), g("Hamza", "Hamzah"), g("Faisal", "Faysal"), g("Adnan"), g("Tariq", "Tarik"), g("Asif"), g("Kashif"), g("Zubair", "Zubayr")],
    female: [g("Ayesha", "Aisha", "Aysha"), g("Zainab", "Zaynab"), g("Maryam", "Mariam"), g("Sana", "Sanaa"), g("Hira"), g("Iqra"), g("Amna", "Aamna"), g("Saima"), g("Nadia", "Nadiya"), g("Rabia", "Rabiya")],
    family: [g("Khan"), g("Hussain", "Hussein", "Husain"), g("Qureshi", "Kureshi"), g("Butt", "Bhatt"), g("Malik"), g("Iqbal"), g("Siddiqui", "Siddiqi", "Sidiki"), g("Raza"), g("Shah"), g("Akhtar", "Akhter"), g("Mahmood", "Mahmud", "Mehmood"), g("Chaudhry", "Choudhry"), g("Javed", "Javaid"), g("Aslam")],
  },
  {
    key: "arabic", weight: 10, ethnicity: "OOTH", language: "ara",
    male: [g("Mohammed", "Muhammad", "Mohamed", "Mohammad"), g("Ahmad", "Ahmed"), g("Omar", "Umar"), g("Youssef", "Yusuf", "Yousef", "Yousif"), g("Khalid", "Khaled"), g("Kareem", "Karim"), g("Ibrahim", "Ebrahim", "Ibraheem"), g("Hussein", "Hussain", "Husayn"), g("Ali"), g("Hamza", "Hamzah"), g("Mustafa", "Moustafa", "Mostafa"), g("Abdullah", "Abdallah")],
    female: [g("Fatima", "Fatimah", "Fatma"), g("Layla", "Leila", "Laila"), g("Noor", "Nour", "Nur"), g("Mariam", "Maryam", "Miriam"), g("Huda", "Houda"), g("Rania", "Ranya"), g("Aisha", "Aicha", "Ayesha"), g("Yasmin", "Yasmine", "Jasmin"), g("Salma"), g("Zahra", "Zahraa")],
    family: [g("Al-Sayed", "El-Sayed", "Alsayed"), g("Haddad"), g("Nasser", "Nasir"), g("Mansour", "Mansur"), g("Saleh", "Salih"), g("Hamdan"), g("Khalil", "Khaleel"), g("Abdullah", "Abdallah"), g("Al-Hashimi", "Hashemi"), g("Mahmoud", "Mahmud"), g("Hassan", "Hasan"), g("Ibrahim"), g("Youssef", "Yousef"), g("Darwish", "Darwiche"), g("Suleiman", "Sulaiman", "Soliman")],
  },
  {
    key: "eritrean", weight: 4, ethnicity: "BAFR", language: "tir", patronymic: true,
    male: [g("Yonas", "Yohannes", "Jonas"), g("Dawit", "Dawite"), g("Tesfaye", "Tesfay"), g("Samuel", "Semere"), g("Filmon", "Filimon"), g("Mebrahtu"), g("Robel"), g("Biniam", "Biniyam"), g("Mussie", "Musie"), g("Habtom")],
    female: [g("Helen"), g("Selam", "Salam"), g("Senait", "Senayt"), g("Rahel", "Rachel"), g("Luwam"), g("Feven", "Fiyori"), g("Meron"), g("Winta"), g("Saba"), g("Eden")],
    family: [g("Tesfamariam", "Tesfa Mariam"), g("Gebremedhin", "Ghebremedhin"), g("Haile", "Hayle"), g("Kidane", "Kidanu"), g("Berhane", "Berhe"), g("Woldu", "Weldu"), g("Tekle", "Teklay"), g("Ghebreyesus", "Gebreyesus"), g("Habte"), g("Mehari"), g("Asmerom"), g("Yemane")],
  },
  {
    key: "polish", weight: 5, ethnicity: "WOTH", language: "pol",
    male: [g("Jakub", "Jacob"), g("Kacper", "Kasper"), g("Szymon", "Simon"), g("Piotr", "Peter"), g("Tomasz", "Thomas"), g("Michał", "Michal"), g("Mateusz"), g("Krzysztof"), g("Paweł", "Pawel"), g("Łukasz", "Lukasz")],
    female: [g("Zofia", "Sofia"), g("Julia"), g("Maja", "Maya"), g("Agnieszka"), g("Katarzyna"), g("Magdalena"), g("Małgorzata", "Malgorzata"), g("Joanna"), g("Natalia"), g("Wiktoria", "Victoria")],
    family: [g("Nowak"), g("Kowalski"), g("Wiśniewski", "Wisniewski"), g("Wójcik", "Wojcik"), g("Kamiński", "Kaminski"), g("Lewandowski"), g("Zieliński", "Zielinski"), g("Szymański", "Szymanski"), g("Woźniak", "Wozniak"), g("Dąbrowski", "Dabrowski"), g("Kozłowski", "Kozlowski"), g("Mazur")],
  },
  {
    key: "portuguese", weight: 5, ethnicity: "WOTH", language: "por",
    male: [g("João", "Joao"), g("Tiago", "Thiago"), g("Rafael", "Raphael"), g("Diogo"), g("Miguel"), g("Gonçalo", "Goncalo"), g("Rodrigo"), g("Pedro"), g("Luís", "Luis"), g("André", "Andre")],
    female: [g("Beatriz"), g("Inês", "Ines"), g("Mariana"), g("Leonor"), g("Carolina"), g("Ana"), g("Francisca"), g("Sofia"), g("Matilde"), g("Luana")],
    family: [g("Silva", "da Silva"), g("Santos", "dos Santos"), g("Ferreira"), g("Pereira"), g("Oliveira"), g("Costa"), g("Rodrigues"), g("Gonçalves", "Goncalves"), g("Martins"), g("Sousa", "Souza"), g("Fernandes"), g("Lopes")],
  },
  {
    key: "vietnamese", weight: 3, ethnicity: "AOTH", language: "vie",
    male: [g("Minh"), g("Anh"), g("Đức", "Duc"), g("Huy"), g("Quang"), g("Tuấn", "Tuan"), g("Hoàng", "Hoang"), g("Long"), g("Nam"), g("Khoa")],
    female: [g("Linh"), g("Lan"), g("Mai"), g("Thảo", "Thao"), g("Hương", "Huong"), g("Ngọc", "Ngoc"), g("Trang"), g("Hà", "Ha"), g("Vy"), g("Thu")],
    family: [g("Nguyễn", "Nguyen", "Nguyên"), g("Trần", "Tran"), g("Lê", "Le"), g("Phạm", "Pham"), g("Hoàng", "Hoang", "Huynh"), g("Vũ", "Vu", "Vo"), g("Đặng", "Dang"), g("Bùi", "Bui"), g("Đỗ", "Do")],
  },
  {
    key: "caribbean", weight: 7, ethnicity: "BCRB", language: "eng",
    male: one("Jermaine", "Marcus", "Tyrone", "Andre", "Dwayne", "Leon", "Kemar", "Damian", "Jerome", "Nathaniel", "Delroy", "Junior", "Kareem", "Tyrese", "Malachi"),
    female: [...one("Shanice", "Keisha", "Simone", "Natalie", "Jade", "Chantelle", "Tanisha", "Monique", "Aaliyah", "Kayla", "Marcia", "Janelle"), g("Sharon", "Sharron")],
    family: [...one("Campbell", "Brown", "Williams", "Thompson", "Francis", "Grant", "Reid", "Morgan", "Lewis", "Henry", "Richards", "Bailey", "Powell", "Gordon", "Samuels", "Stewart", "Forbes", "Gayle"), g("Clarke", "Clark"), g("McKenzie", "MacKenzie")],
  },
  {
    key: "west-african", weight: 8, ethnicity: "BAFR", language: "yor",
    male: [g("Chinedu"), g("Oluwaseun", "Seun"), g("Kwame", "Kwami"), g("Kofi"), g("Emeka", "Chukwuemeka"), g("Tunde", "Babatunde"), g("Femi", "Olufemi"), g("Kwabena", "Kobina"), g("Obinna"), g("Ayodele", "Ayo"), g("Ibrahima"), g("Mamadou", "Mamadu"), g("Yaw")],
    female: [g("Adaeze", "Ada"), g("Ngozi"), g("Abena", "Abenaa"), g("Funmilayo", "Funmi"), g("Chiamaka", "Amaka"), g("Yetunde"), g("Adwoa", "Adjoa"), g("Folake"), g("Blessing"), g("Precious"), g("Fatoumata", "Fatoumatta"), g("Aminata")],
    family: [g("Okafor"), g("Adeyemi", "Adeyemmi"), g("Mensah"), g("Owusu"), g("Boateng"), g("Okonkwo"), g("Adebayo", "Adebayor"), g("Oyelaran"), g("Asante", "Asanti"), g("Eze"), g("Obi"), g("Oduya"), g("Bah"), g("Diallo", "Jallow"), g("Adjei", "Adjei-Mensah"), g("Nwosu")],
  },
  {
    key: "roma", weight: 1, ethnicity: "WROM", language: "rom",
    male: one("Marius", "Florin", "Ionel", "Costel", "Robert", "Daniel"),
    female: one("Elena", "Florentina", "Loredana", "Maria", "Ramona", "Denisa"),
    family: [g("Lăcătuș", "Lacatus"), g("Stoica"), g("Rădulescu", "Radulescu"), g("Dumitru"), g("Balog", "Balogh"), g("Lakatos")],
  },
  {
    key: "indian", weight: 3, ethnicity: "AIND", language: "other",
    male: [g("Arjun"), g("Rohan"), g("Vikram"), g("Aarav", "Arav"), g("Sanjay"), g("Rahul"), g("Dev"), g("Harpreet"), g("Gurdeep")],
    female: [g("Priya", "Pria"), g("Ananya"), g("Aditi"), g("Kavita", "Kavitha"), g("Meera", "Mira"), g("Simran"), g("Deepa"), g("Neha")],
    family: [g("Patel"), g("Sharma"), g("Singh"), g("Kaur"), g("Gupta"), g("Shah"), g("Mehta"), g("Desai"), g("Chopra"), g("Iyer")],
  },
  {
    key: "chinese", weight: 2, ethnicity: "CHNE", language: "other",
    male: [g("Wei"), g("Jun"), g("Hao"), g("Ming"), g("Jian", "Chien"), g("Kai")],
    female: [g("Mei"), g("Xin", "Hsin"), g("Li"), g("Yan"), g("Ying"), g("Hui")],
    family: [g("Wang"), g("Li", "Lee"), g("Zhang", "Chang"), g("Chen", "Chan"), g("Liu", "Lau"), g("Wong", "Huang"), g("Zhou", "Chow"), g("Wu", "Ng")],
  },
];
