package org.reciprocity.synthetic;

import java.util.List;
import org.reciprocity.core.profile.CultureRegion;

/**
 * The words synthetic communities are made of: industries with their roles and skills, cities with their
 * time zones, cultures, languages and names, interests and the phrases of a bio. The demo's generator and
 * the million-member loader (bench) both draw from it.
 */
public final class Vocabulary {

    public record Industry(String name, List<String> roles, List<String> skills) {}

    public record City(String name, String timeZone, CultureRegion culture, List<String> languages,
                       List<String> firstNames, List<String> lastNames) {}

    private Vocabulary() {}

    public static final List<Industry> INDUSTRIES = List.of(
            new Industry("Software", List.of("Backend engineer", "Frontend engineer", "Engineering manager", "Site reliability engineer", "Open-source maintainer"),
                    List.of("Java", "Kotlin", "Python", "Go", "Rust", "TypeScript", "React", "PostgreSQL", "Kubernetes", "Distributed systems", "Code review", "Open source", "API design", "Performance tuning")),
            new Industry("Data and AI", List.of("Data scientist", "Machine learning engineer", "Analytics lead", "Data engineer"),
                    List.of("Python", "Statistics", "Machine learning", "SQL", "Data visualisation", "Spark", "Experiment design", "Forecasting", "NLP")),
            new Industry("Design", List.of("Product designer", "UX researcher", "Brand designer", "Design lead"),
                    List.of("UX research", "Interaction design", "Figma", "Accessibility", "Design systems", "Brand identity", "Usability testing", "Illustration")),
            new Industry("Marketing", List.of("Growth marketer", "Content strategist", "Marketing director", "Community manager"),
                    List.of("Content strategy", "SEO", "Copywriting", "Community building", "Email marketing", "Brand strategy", "Social media", "Public speaking")),
            new Industry("Finance", List.of("Financial analyst", "CFO", "Venture investor", "Accountant"),
                    List.of("Financial modelling", "Fundraising", "Pitch decks", "Accounting", "Valuation", "Budgeting", "Due diligence", "Tax")),
            new Industry("Healthcare", List.of("Physician", "Health-tech founder", "Nurse manager", "Clinical researcher"),
                    List.of("Clinical research", "Regulatory affairs", "Patient experience", "Health informatics", "Grant writing", "Biostatistics")),
            new Industry("Education", List.of("Teacher", "Instructional designer", "University lecturer", "EdTech founder"),
                    List.of("Curriculum design", "Teaching", "Mentoring", "E-learning", "Grant writing", "Public speaking", "Coaching")),
            new Industry("Consulting", List.of("Management consultant", "Strategy advisor", "Independent consultant", "Change manager"),
                    List.of("Strategy", "Facilitation", "Change management", "Workshops", "Negotiation", "Sales", "Process improvement")),
            new Industry("Legal", List.of("Corporate lawyer", "Legal counsel", "IP attorney", "Compliance officer"),
                    List.of("Contracts", "Intellectual property", "GDPR", "Employment law", "Compliance", "Negotiation")),
            new Industry("Nonprofit", List.of("Program director", "Fundraiser", "Volunteer coordinator", "Policy analyst"),
                    List.of("Grant writing", "Fundraising", "Volunteer management", "Policy research", "Community building", "Impact measurement")),
            new Industry("Manufacturing", List.of("Operations manager", "Supply chain lead", "Quality engineer", "Plant director"),
                    List.of("Lean manufacturing", "Supply chain", "Quality assurance", "Logistics", "Procurement", "Six Sigma")),
            new Industry("Human resources", List.of("Recruiter", "People partner", "Talent lead", "Career coach"),
                    List.of("Recruiting", "Interviewing", "Career coaching", "Compensation", "Onboarding", "Employer branding", "CV review")));

    public static final List<String> INTERESTS = List.of(
            "Climate tech", "Remote work", "Mentoring juniors", "Open source", "Startups", "Public speaking",
            "Diversity and inclusion", "Writing", "Sustainability", "Fintech", "Healthtech", "Education reform",
            "Product management", "Leadership", "Side projects", "Photography", "Running", "Chess",
            "Urban cycling", "Board games", "Jazz", "Cooking", "Languages", "Volunteering", "Career changes",
            "Hiring", "Negotiation", "Behavioural economics", "Ethics in AI", "Accessibility");

    public static final List<City> CITIES = List.of(
            new City("Berlin, Germany", "Europe/Berlin", CultureRegion.WESTERN_EUROPE, List.of("German", "English"),
                    List.of("Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Sophie", "Paul"), List.of("Schmidt", "Weber", "Becker", "Hoffmann", "Richter", "Klein")),
            new City("Lyon, France", "Europe/Paris", CultureRegion.WESTERN_EUROPE, List.of("French", "English"),
                    List.of("Camille", "Louis", "Chloé", "Hugo", "Manon", "Théo", "Léa", "Jules"), List.of("Martin", "Bernard", "Dubois", "Moreau", "Lefèvre", "Girard")),
            new City("Stockholm, Sweden", "Europe/Stockholm", CultureRegion.NORDIC, List.of("Swedish", "English"),
                    List.of("Astrid", "Erik", "Ingrid", "Oskar", "Freja", "Nils", "Elsa", "Anton"), List.of("Lindqvist", "Andersson", "Nyström", "Berg", "Holm", "Sjöberg")),
            new City("Warsaw, Poland", "Europe/Warsaw", CultureRegion.EASTERN_EUROPE, List.of("Polish", "English"),
                    List.of("Zofia", "Jakub", "Julia", "Kacper", "Maja", "Szymon", "Alicja", "Filip"), List.of("Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski")),
            new City("Toronto, Canada", "America/Toronto", CultureRegion.NORTH_AMERICA, List.of("English", "French"),
                    List.of("Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Chloe", "Lucas"), List.of("Tremblay", "Smith", "Roy", "Campbell", "Wilson", "MacDonald")),
            new City("Austin, USA", "America/Chicago", CultureRegion.NORTH_AMERICA, List.of("English", "Spanish"),
                    List.of("Madison", "Tyler", "Jordan", "Avery", "Mason", "Harper", "Logan", "Riley"), List.of("Johnson", "Garcia", "Miller", "Davis", "Martinez", "Brown")),
            new City("São Paulo, Brazil", "America/Sao_Paulo", CultureRegion.LATIN_AMERICA, List.of("Portuguese", "English"),
                    List.of("Ana", "João", "Beatriz", "Gabriel", "Larissa", "Rafael", "Mariana", "Pedro"), List.of("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira")),
            new City("Mexico City, Mexico", "America/Mexico_City", CultureRegion.LATIN_AMERICA, List.of("Spanish", "English"),
                    List.of("Valentina", "Diego", "Ximena", "Mateo", "Regina", "Santiago", "Fernanda", "Emiliano"), List.of("Hernández", "López", "González", "Ramírez", "Flores", "Torres")),
            new City("Lagos, Nigeria", "Africa/Lagos", CultureRegion.AFRICA, List.of("English", "Yoruba"),
                    List.of("Adaeze", "Tunde", "Chiamaka", "Emeka", "Folake", "Ifeanyi", "Ngozi", "Seun"), List.of("Okafor", "Adeyemi", "Balogun", "Eze", "Okonkwo", "Adebayo")),
            new City("Nairobi, Kenya", "Africa/Nairobi", CultureRegion.AFRICA, List.of("English", "Swahili"),
                    List.of("Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Mwangi", "Akinyi", "Kiprop"), List.of("Mutua", "Odhiambo", "Kariuki", "Wambui", "Chebet", "Njoroge")),
            new City("Dubai, UAE", "Asia/Dubai", CultureRegion.MIDDLE_EAST, List.of("Arabic", "English"),
                    List.of("Layla", "Omar", "Noor", "Yusuf", "Mariam", "Khalid", "Huda", "Tariq"), List.of("Al Mansouri", "Haddad", "Nasser", "Karim", "Saleh", "Farouk")),
            new City("Bengaluru, India", "Asia/Kolkata", CultureRegion.SOUTH_ASIA, List.of("English", "Hindi", "Kannada"),
                    List.of("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Aditya"), List.of("Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Rao")),
            new City("Singapore", "Asia/Singapore", CultureRegion.SOUTHEAST_ASIA, List.of("English", "Mandarin", "Malay"),
                    List.of("Wei Ling", "Jun Jie", "Siti", "Arun", "Hui Min", "Darren", "Nur", "Kai"), List.of("Tan", "Lim", "Lee", "Ng", "Rahman", "Wong")),
            new City("Tokyo, Japan", "Asia/Tokyo", CultureRegion.EAST_ASIA, List.of("Japanese", "English"),
                    List.of("Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Sota", "Hina", "Daiki"), List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito")),
            new City("Seoul, South Korea", "Asia/Seoul", CultureRegion.EAST_ASIA, List.of("Korean", "English"),
                    List.of("Ji-woo", "Min-jun", "Seo-yeon", "Do-hyun", "Ha-eun", "Ji-ho", "Su-bin", "Jae-won"), List.of("Kim", "Park", "Choi", "Jung", "Kang", "Yoon")),
            new City("Melbourne, Australia", "Australia/Melbourne", CultureRegion.OCEANIA, List.of("English"),
                    List.of("Charlotte", "Jack", "Isla", "Oliver", "Matilda", "William", "Zoe", "Henry"), List.of("Thompson", "Nguyen", "Kelly", "Walker", "Ryan", "Clarke")));


    public static final List<String> BIO_OPENERS = List.of(
            "I have spent %1$d years as a %2$s and still enjoy the craft.",
            "%1$d years in, I am a %2$s who likes to teach what I learn.",
            "After %1$d years working as a %2$s, I care most about helping others grow.",
            "I am a %2$s with %1$d years of practice and a soft spot for first-time founders.");

    public static final List<String> BIO_CLOSERS = List.of(
            "Happy to review your %s work or talk through a tricky problem.",
            "Ask me about %s; I am slow to reply on weekends.",
            "I learn most from people outside my field, so reach out if %s interests you.",
            "Currently exploring %s and looking for people to compare notes with.");
}
